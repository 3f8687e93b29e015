/**
 * The data of `pagefind/<lang>/pos-faq-match.js` (widget/match.ts): each symptom entry's texts in
 * both languages, and the toneless pinyin of the characters a query may use. Built with the index
 * from the same catalogue; the widget loads it only for a query Pagefind's words do not answer well.
 */
import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { MatchData } from '../../widget/match.ts';
import type { SymptomEntry } from './catalogue-types.ts';

const HAN = /\p{Script=Han}/u;

/** GB 2312 level 1: the 3,755 most common characters, decoded from their GB code points. */
export function commonCharacters(): string[] {
  const decoder = new TextDecoder('gbk');
  const out: string[] = [];
  for (let a = 0xb0; a <= 0xd7; a++) {
    for (let b = 0xa1; b <= 0xfe; b++) {
      const c = decoder.decode(new Uint8Array([a, b]));
      if (HAN.test(c)) out.push(c);
    }
  }
  return out;
}

// Both languages' data read the same 5,000 characters: their forms and readings are kept for the
// process (the build), not made twice.
let regionalCommon: string[] | undefined;
const readings = new Map<string, string[]>();

/** The common characters and their Taiwan and Hong Kong forms. */
function commonWithRegional(): string[] {
  if (regionalCommon) return regionalCommon;
  const common = commonCharacters();
  // Their Taiwan and Hong Kong forms too: a Traditional character the fold map leaves alone (it
  // keeps only those whose Simplified form is in the index) still meets its homophone (帳, 账).
  const regional = [Converter({ from: 'cn', to: 'tw' }), Converter({ from: 'cn', to: 'hk' })];
  const traditional = common.flatMap((c) => regional.map((convert) => convert(c)).filter((t) => t !== c && [...t].length === 1));
  regionalCommon = [...common, ...traditional];
  return regionalCommon;
}

/** A character's toneless readings (v for ü), the usual one first, without repeats. */
function readingsOf(c: string): string[] {
  let found = readings.get(c);
  if (!found) {
    found = [...new Set(pinyin(c, { toneType: 'none', type: 'array', multiple: true, v: true }) as string[])];
    readings.set(c, found);
  }
  return found;
}

/**
 * The line of a good answer (MatchData.line), per language, calibrated on the development set with
 * the table in docs/relevance.md: Chinese questions pad more, and a long one that says enough in
 * weight answers whatever its share; in English the share alone decides.
 */
export const LINE = { zh: { said: 0.45, mass: 22 }, en: { said: 0.32, mass: 1e9 } } as const;

/**
 * Entries of one language, each with its title, what else identifies it (its messages and aliases,
 * then the other language's title, messages and aliases) and its summary; the readings of the
 * common characters with their Taiwan and Hong Kong forms, and of every character of the entries (v for ü, as
 * keyboards type it).
 */
export function matchData(own: SymptomEntry[], other: SymptomEntry[], locale: keyof typeof LINE): MatchData {
  const twin = new Map(other.map((e) => [e.id, e]));
  const says = (e: SymptomEntry | undefined) => (e ? [e.title, ...e.messages, ...e.aliases] : []);
  const texts = own.map((e): [string, string, string] => [e.title, [...says(e).slice(1), ...says(twin.get(e.id))].join(' | '), e.summary]);
  const chars = new Set([...commonWithRegional(), ...texts.flat().join('').split('').filter((c) => HAN.test(c))]);
  const sounds: Record<string, string> = {};
  const also: Record<string, string> = {};
  for (const c of [...chars].sort()) {
    const [usual, ...more] = readingsOf(c);
    if (!usual || !/^[a-z]+$/.test(usual)) continue;
    sounds[usual] = (sounds[usual] ?? '') + c;
    for (const r of more) if (/^[a-z]+$/.test(r)) also[r] = (also[r] ?? '') + c;
  }
  return { ids: own.map((e) => e.id), texts, sounds, also, line: LINE[locale] };
}
