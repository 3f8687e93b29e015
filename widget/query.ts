/**
 * Queries as people type them: Traditional characters folded to Simplified, and a typed word
 * that matches nothing replaced by the index word it most likely meant (a homophone from pinyin
 * input in Chinese, one edit away in English). Both read data built with the index
 * (src/lib/search-data.ts); nothing here knows a word of its own.
 *
 * None of it is in the widget (its budget is 13 KB): `fold` is bundled with each language's map
 * into `pagefind/<lang>/pos-faq-query.js`, which the widget loads with the index (see QueryScript),
 * and the rest with the index's words into `pagefind/<lang>/pos-faq-words.js` (see WordsScript),
 * which it loads only for a query that needs it.
 */

import type { rankedSearch, searchOnce } from './rank.ts';

/** What `pos-faq-query.js` registers. */
export interface QueryScript {
  /** The query with Traditional characters and regional words folded to the index's. */
  fold(query: string): string;
  /** How much of a query an entry's text says, 0 to 1 (widget/rank.ts, coverage). */
  coverage(query: string, text: string): number;
  /** Pagefind's ranking, and the entries that match the most words when it finds too little (widget/rank.ts). */
  rank: typeof rankedSearch;
  /** Pagefind's search of a text, once per text for the page's life (widget/rank.ts). */
  once: typeof searchOnce;
}

/** What `pos-faq-words.js` registers: the index's words put to use. */
export interface WordsScript {
  /** The query with its unknown words corrected, or null (see `correct`). */
  correct(query: string): string | null;
  /** A run of Chinese characters cut into words (see `dictionaryWords`). */
  cut(run: string): string[];
}

/** The map in `pos-faq-query.js`: Traditional (or regional) character or phrase → Simplified. */
export type FoldMap = Record<string, string>;

/** The data of `pos-faq-words.js`: the index's words, most frequent first; zh also pinyin syllable → characters. */
export interface WordsData {
  words: string[];
  sounds?: Record<string, string>;
}

/** Folds a query with the map, longest key first at each position. */
export function fold(text: string, map: FoldMap | null | undefined): string {
  if (!map) return text;
  let longest = 1;
  for (const key in map) longest = Math.max(longest, key.length);
  let out = '';
  for (let i = 0; i < text.length; ) {
    let n = Math.min(longest, text.length - i);
    for (; n > 0; n--) {
      const to = map[text.slice(i, i + n)];
      if (to !== undefined) {
        out += to;
        i += n;
        break;
      }
    }
    if (!n) out += text[i++];
  }
  return out;
}

/** True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
export function oneEdit(a: string, b: string): boolean {
  const [m, n] = [a.length, b.length];
  if (a === b || Math.abs(m - n) > 1) return false;
  let i = 0;
  while (i < m && a[i] === b[i]) i++;
  if (m === n) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return m > n ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The edit distance of `a` and `b` (insertions, deletions, substitutions and swaps of neighbours),
 * or `max + 1` as soon as it is known to be more than `max`.
 */
export function editsWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      next.push(d);
      least = Math.min(least, d);
    }
    if (least > max) return max + 1;
    [before, row] = [row, next];
  }
  return Math.min(row[b.length]!, max + 1);
}

/** Readings of each character, from the syllable table: 重 → {zhong, chong}. */
function readings(data: WordsData): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const [syllable, chars] of Object.entries(data.sounds ?? {})) {
    for (const c of chars) by.set(c, [...(by.get(c) ?? []), syllable]);
  }
  return by;
}

/**
 * What a Chinese correction reads, made once per words file rather than on every query: the
 * index's pieces of 2–4 characters and, to find the ones that sound like a typed piece without
 * reading them all, each piece under every way to read it (a character without a reading stands
 * for itself), with its place among the pieces of its length.
 */
interface ChineseTables {
  pieces: Set<string>;
  byLength: string[][];
  soundsLike: Map<string, number[]>;
  keysOf: (c: string) => string[];
}
const tables = new WeakMap<WordsData, ChineseTables>();
function chineseTables(data: WordsData): ChineseTables {
  let found = tables.get(data);
  if (!found) {
    // Every run of 2–4 characters in the index's words, by the frequency of its word.
    const pieces = new Set<string>();
    for (const w of data.words) {
      for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= w.length; i++) pieces.add(w.slice(i, i + n));
    }
    // By length, each in the order of the pieces, so that the first of a length is the same one.
    const byLength: string[][] = [[], [], [], [], []];
    for (const p of pieces) byLength[p.length]!.push(p);
    const sound = readings(data);
    const keysOf = (c: string) => sound.get(c) ?? [c];
    const soundsLike = new Map<string, number[]>();
    for (const list of byLength) {
      list.forEach((piece, place) => {
        for (const key of readingsOfRun(piece, keysOf)) {
          const places = soundsLike.get(key);
          if (places) places.push(place);
          else soundsLike.set(key, [place]);
        }
      });
    }
    found = { pieces, byLength, soundsLike, keysOf };
    tables.set(data, found);
  }
  return found;
}

/** Every way to read a run, one reading per character, as keys ("zhong ying", "chong ying"). */
function readingsOfRun(run: string, keysOf: (c: string) => string[]): string[] {
  let out = [''];
  for (const c of run) out = out.flatMap((head) => keysOf(c).map((k) => (head ? `${head} ${k}` : k)));
  return out;
}

/** How many characters of `a` differ from `b`'s at the same place. */
const changes = (a: string, b: string) => [...a].filter((c, j) => c !== b[j]).length;

/**
 * The first piece of the index, in the order of its length's pieces, that sounds like `typed`
 * character by character and keeps at least one of its characters; undefined when none does.
 */
function homophone(typed: string, { byLength, soundsLike, keysOf }: ChineseTables): string | undefined {
  const list = byLength[typed.length]!;
  let first = Infinity;
  for (const key of readingsOfRun(typed, keysOf)) {
    for (const place of soundsLike.get(key) ?? []) {
      if (place < first && changes(typed, list[place]!) < typed.length) first = place;
    }
  }
  return list[first];
}

/**
 * The query with its unknown words replaced, or null when nothing was replaced. A word is unknown
 * when the index has no word that is it or contains it (English: starts with it). Chinese: each
 * unknown run of 2–4 characters becomes the most frequent index word of the same length that
 * sounds the same, character by character, without tones. English: each unknown word of four
 * letters or more becomes the most frequent index word one edit away.
 */
export function correct(query: string, lang: string, data: WordsData): string | null {
  const { words } = data;
  if (/^zh/i.test(lang)) {
    const chinese = chineseTables(data);
    return fix(
      query.replace(/\p{Script=Han}+/gu, (run) => {
        // The reading of the run that leaves the fewest characters unexplained: a known piece
        // costs nothing, a homophone piece one per character it changes (it must keep one), a
        // character alone a little more than one.
        const best: { cost: number; text: string }[] = [{ cost: 0, text: '' }];
        for (let i = 1; i <= run.length; i++) {
          let here = { cost: best[i - 1]!.cost + 1.01, text: best[i - 1]!.text + run[i - 1] };
          for (let n = 2; n <= Math.min(4, i); n++) {
            const w = run.slice(i - n, i);
            const before = best[i - n]!;
            const hit = chinese.pieces.has(w) ? w : homophone(w, chinese);
            const cost = hit ? before.cost + changes(w, hit) : Infinity;
            if (cost < here.cost) here = { cost, text: before.text + hit };
          }
          best[i] = here;
        }
        return best[run.length]!.text;
      }),
      query,
    );
  }
  return fix(
    query.replace(/[a-z]{4,}/gi, (w) => {
      const lower = w.toLowerCase();
      if (words.some((x) => x.startsWith(lower))) return w;
      return words.find((x) => oneEdit(lower, x)) ?? w;
    }),
    query,
  );
}

const fix = (corrected: string, query: string) => (corrected === query ? null : corrected);

/**
 * Cuts a run of Chinese characters into the index's words, longest first, where a browser has no
 * `Intl.Segmenter` (Firefox before 125): the words the build cut with the same ICU segmenter, so
 * the query is cut as it would be with one. Characters outside every word stand alone.
 */
export function dictionaryWords(run: string, dict: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < run.length; ) {
    let n = Math.min(6, run.length - i);
    while (n > 1 && !dict.has(run.slice(i, i + n))) n--;
    out.push(run.slice(i, i + n));
    i += n;
  }
  return out;
}
