import { LOCALES, type Locale } from '../schemas/faq.ts';
import type { GlossaryEntry, SymptomEntry } from './catalogue-types.ts';
import type { Problem } from './content-error.ts';

/*
 * The house style, where a machine can see it (faq/README.md, "Style rules"). Reviews found the
 * same slips coming back with each round of new entries: English summaries grown into 50-word
 * chains, British spellings, Chinese jargon that readers at the counter do not know, and the two
 * languages drifting apart. Each is a content problem with its file, field and fix.
 */

/** An English summary is read on a phone at the counter: two short sentences at most. */
export const SUMMARY_LIMITS = { sentences: 2, words: 40 } as const;

/** British spellings and idioms, with the US form the site uses. Stems match their inflections. */
export const BRITISH: readonly (readonly [RegExp, string])[] = [
  [/\b(pre-?)?authoris(e|ed|es|ing|ations?)\b/i, 'authorize / authorization'],
  [/\b(organis|recognis|realis|minimis|maximis|prioritis|synchronis|customis|summaris|categoris|finalis|optimis|utilis|apologis|memoris|personalis|standardis)(e|ed|es|ing|ation)\b/i, 'the -ize spelling'],
  [/\blicence\b/i, 'license'],
  [/(?<!shopping )\b(centre|centres)\b/i, 'center'],
  [/\b(colour|favour|behaviour|honour|labour|neighbour)(s|ed|ing)?\b/i, 'the -or spelling'],
  [/\bcheques?\b/i, 'check'],
  [/\benquir(y|ies|e)\b/i, 'inquiry'],
  [/\binstalments?\b/i, 'installment'],
  [/\b(cancell|travell|labell|modell|signall)(ed|ing)\b/i, 'one l: canceled, traveled'],
  [/\b(catalogue|programme|judgement|defence|analyse|storey|tyre|kerb)s?\b/i, 'the US spelling'],
  [/\bfulfil\b/i, 'fulfill'],
  [/\b(takings)\b/i, 'sales or revenue'],
  [/\bdearer\b/i, 'more expensive'],
  [/\bshopping centre\b/i, 'shopping mall'],
];

/**
 * Chinese words the reviews named as jargon a shopkeeper does not know, with the plain word to
 * use. The glossary may define them for readers who meet them elsewhere; entries never use them
 * (screen strings in `messages` may, since those are what the terminal shows).
 */
export const ZH_JARGON: readonly (readonly [string, string])[] = [
  ['主机', '后台（或“收单机构的系统”）'],
  ['灌密钥', '装入密钥'],
  ['灌装', '装入'],
  ['灌进', '装进'],
  ['报文', '交易数据'],
];

/** The fields of an entry that readers read as prose (not screen strings or typed aliases). */
const proseFields = (e: SymptomEntry): [string, string][] => [
  ['title', e.title],
  ['summary', e.summary],
  ...e.causes.map((t, i): [string, string] => [`causes.${i}`, t]),
  ...e.steps.map((t, i): [string, string] => [`steps.${i}`, t]),
  ['escalate.when', e.escalate.when],
  ['escalate.to', e.escalate.to],
  ...e.avoid.map((t, i): [string, string] => [`avoid.${i}`, t]),
];

/** The lists whose items the two languages give one for one. */
const PAIRED_LISTS = ['causes', 'steps', 'avoid'] as const;

/** Sentences in an English text: a full stop, question or exclamation mark before a capital or the end. */
export function countSentences(text: string): number {
  const ends = text.match(/[.!?](?=["”’)]?(\s+["“(]?[A-Z0-9]|\s*$))/g) ?? [];
  return Math.max(1, ends.length);
}

export const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Checks the style rules over every entry, and British spellings in the en glossary. */
export function checkStyle(
  symptoms: Record<Locale, SymptomEntry[]>,
  glossary: Record<Locale, GlossaryEntry[]>,
  problems: Problem[],
): void {
  for (const entry of symptoms.en) {
    const { sentences, words } = SUMMARY_LIMITS;
    const n = countSentences(entry.summary);
    const w = countWords(entry.summary);
    if (n > sentences || w > words || /;/.test(entry.summary)) {
      problems.push({
        file: entry.file,
        field: 'summary',
        message: `is ${n} sentence${n === 1 ? '' : 's'} and ${w} words${/;/.test(entry.summary) ? ' joined by semicolons' : ''}; readers at the counter need at most ${sentences} short sentences and ${words} words`,
        fix: 'keep what is wrong and the first thing to do; move the detail to causes or steps, and split chains into sentences',
      });
    }
    for (const [field, text] of proseFields(entry)) britishIn(text, entry.file, field, problems);
  }
  for (const term of glossary.en) britishIn(term.text, term.file, `${term.field}.text`, problems);
  for (const entry of symptoms.zh) {
    for (const [field, text] of proseFields(entry)) {
      for (const [word, plain] of ZH_JARGON) {
        if (!text.includes(word)) continue;
        problems.push({
          file: entry.file,
          field,
          message: `uses "${word}", jargon a shopkeeper may not know`,
          fix: `write ${plain} instead (faq/README.md, style rules)`,
        });
      }
    }
  }
  checkPairedLists(symptoms, problems);
}

function britishIn(text: string, file: string, field: string, problems: Problem[]): void {
  for (const [pattern, us] of BRITISH) {
    const found = pattern.exec(text);
    if (found) problems.push({ file, field, message: `uses the British "${found[0]}"`, fix: `write ${us}: the site writes US English` });
  }
}

/** Causes, steps and avoid items are translations of each other: the same number in each language. */
function checkPairedLists(symptoms: Record<Locale, SymptomEntry[]>, problems: Problem[]): void {
  const [first, ...others] = LOCALES;
  const byId = new Map(symptoms[first].map((e) => [e.id, e]));
  for (const other of others) {
    for (const entry of symptoms[other]) {
      const pair = byId.get(entry.id);
      if (!pair) continue;
      for (const list of PAIRED_LISTS) {
        if (pair[list].length === entry[list].length) continue;
        problems.push({
          file: entry.file,
          field: list,
          message: `has ${entry[list].length} items and ${pair.file} has ${pair[list].length}`,
          fix: `give both languages the same ${list}, one for one in the same order`,
        });
      }
    }
  }
}
