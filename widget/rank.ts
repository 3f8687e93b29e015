/**
 * Ranking on top of Pagefind. Pagefind matches pages that contain every word of the query,
 * which suits short queries ("连接超时") but finds nothing for the sentences people actually type
 * ("卡里明明有钱为什么提示余额不足"). When the full query finds fewer results than asked for, each
 * word is searched on its own and pages are ranked by the sum of their scores, so the entry that
 * matches the most (and the rarest) words comes first.
 */

export interface Hit {
  id: string;
  score: number;
}

export interface Searcher {
  (term: string): Promise<Hit[]>;
}

/** Cuts a run of Chinese characters into words, where there is no Intl.Segmenter. */
export type Cut = (run: string) => string[];

/** Words that carry no meaning for the lookup, in either language. */
export const STOP = new Set(
  (
    'the a an is are was be to of in on at for and or it my our this that what why how does do did can ' +
    'with not no when i you me from pos terminal machine card ' +
    '的 了 吗 呢 是 我 你 他 她 在 有 和 就 都 也 还 要 会 能 说 怎么 怎么办 为什么 什么 一直 提示 显示 出现 ' +
    '机器 pos机 机 这 那 个 了吗 怎么回事 是不是 请问 怎么样 如何 今天 明天 现在 刚才'
  ).split(' '),
);

/** Makes the browser load its word-break data now rather than in the first search. */
export function warmSegmenter(): void {
  if (typeof Intl.Segmenter === 'function') [...new Intl.Segmenter('zh', { granularity: 'word' }).segment('签到')];
}

/**
 * Word segments of a query. Intl.Segmenter is missing in older browsers (Firefox before 125):
 * there, runs of Latin letters or digits stand for words, and runs of Chinese characters are cut
 * into the index's own words by `cut` (loaded by the caller: widget/query.ts, dictionaryWords), so
 * that a query gives the same answers with and without a segmenter. Without `cut` a run stays whole.
 */
function segments(query: string, lang: string, cut?: Cut): { segment: string; isWordLike: boolean }[] {
  if (typeof Intl.Segmenter === 'function') {
    return [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(query)].map((s) => ({
      segment: s.segment,
      isWordLike: s.isWordLike ?? false,
    }));
  }
  return (query.match(/\p{Script=Han}+|[a-z0-9]+|[^\p{Script=Han}a-z0-9]+/giu) ?? []).flatMap((run) =>
    (cut && /\p{Script=Han}/u.test(run) ? cut(run) : [run]).map((segment) => ({
      segment,
      isWordLike: /[\p{L}\p{N}]/u.test(segment),
    })),
  );
}

/**
 * Puts spaces between the words of a Chinese query. Pagefind segments Chinese itself only when
 * the host page's `<html lang>` is Chinese (it reads the language from the page, Pagefind issue
 * #593); segmenting here makes a zh-CN widget give the same answers on a German or English page.
 */
export function spaced(query: string, lang: string, cut?: Cut): string {
  if (!/^zh/i.test(lang)) return query;
  return segments(query, lang, cut)
    .map((s) => s.segment.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * Splits a query into the words worth searching on their own. A run of single Chinese characters
 * is one word: the segmenter's dictionary does not know many payment terms (死机, 冲正) and cuts
 * them into characters.
 */
export function queryWords(query: string, lang: string, cut?: Cut): string[] {
  const words: string[] = [];
  let run = '';
  const add = (word: string) => {
    // Single Latin letters and single Chinese characters other than the meaningful ones
    // (卡, 纸, 钱) match too much to help.
    if (word.length === 1 && !/[卡纸钱电网码]/u.test(word)) return;
    if (word && !words.includes(word)) words.push(word);
  };
  for (const { segment, isWordLike } of segments(query.toLowerCase(), lang, cut)) {
    const word = segment.trim();
    // 机 is a stop word alone but ends words (死机, 开机).
    if (isWordLike && word.length === 1 && /\p{Script=Han}/u.test(word) && (!STOP.has(word) || (run && word === '机'))) {
      run += word;
      continue;
    }
    add(run);
    run = '';
    if (isWordLike && word && !STOP.has(word)) add(word);
  }
  add(run);
  return words;
}

/**
 * Pagefind's answer to each text searched, kept for the page's life (forgotten past 300): a lookup
 * searches its query's words one by one, its corrected query again, and the next keystroke's
 * lookup most of the same words, which Pagefind would work out afresh (1 to 8 ms each). It lives in
 * the query script (`pos-faq-query.js`), one per index, which keeps it out of the widget's bytes.
 */
const searched = new Map<string, Promise<unknown>>();
export function searchOnce<T>(index: { search(text: string): Promise<T> }, text: string): Promise<T> {
  let found = searched.get(text) as Promise<T> | undefined;
  if (!found) {
    if (searched.size >= 300) searched.clear();
    searched.set(text, (found = index.search(text)));
    // A failed search (the network) is tried again by the next lookup.
    found.catch(() => searched.delete(text));
  }
  return found;
}

/**
 * Pagefind's ranking for the whole query first; then, if that found fewer than `want` pages,
 * the pages that match the most of the query's words.
 */
export async function rankedSearch(
  search: Searcher,
  query: string,
  lang: string,
  want: number,
  cut?: Cut,
): Promise<string[]> {
  const whole = await search(spaced(query, lang, cut));
  const ids = whole.map((h) => h.id);
  if (ids.length >= want) return ids;
  const each = queryWords(query, lang, cut);
  if (each.length === 0 || (each.length === 1 && each[0] === query)) return ids;
  const perWord = await Promise.all(each.map((w) => search(w)));
  const total = new Map<string, { score: number; matched: number }>();
  for (const hits of perWord) {
    // Normalise per word so that one common word does not outweigh several specific ones.
    const best = Math.max(...hits.map((h) => h.score), 0) || 1;
    for (const hit of hits) {
      const entry = total.get(hit.id) ?? { score: 0, matched: 0 };
      entry.score += hit.score / best;
      entry.matched += 1;
      total.set(hit.id, entry);
    }
  }
  const rest = [...total.entries()]
    .filter(([id]) => !ids.includes(id))
    .sort(([, a], [, b]) => b.matched - a.matched || b.score - a.score)
    .map(([id]) => id);
  return [...ids, ...rest];
}

/**
 * English words that only link the words that carry a query ("screen after dropping", "still on
 * hold after checkout"): the measure below does not count them as said or unsaid, so that an entry
 * that happens to say "on the screen after a sale" does not answer half of "cracked screen after
 * dropping". They still stand between words for the side-by-side test ("held after checkout").
 * Not in STOP: the widget carries STOP, and searching these words too costs nothing.
 */
const LINKING = /* @__PURE__ */ new Set(
  /* @__PURE__ */ 'after before during while then than again also just still very so but if by as into onto over under about since until its their has have had been being get got gets will would should could'.split(' '),
);

/**
 * How much of a query an entry's text says, from 0 to 1: the share of the query's meaningful
 * characters (Chinese) and words (other scripts) that the text has, stop words left out of both.
 * A Chinese character counts when the text has it together with a neighbour from the query. A word
 * in another script counts give or take its ending, and a query of three words or more must have
 * two of them side by side in the text, or it says none of it: an entry that says "case cracked
 * open", "screen lifting" and "was dropped" does not answer "cracked screen after dropping".
 * Linking words (LINKING) are not counted.
 *
 * Not in the widget: it runs in `pos-faq-query.js`, loaded with the index (search-client.ts).
 */
export function coverage(query: string, text: string): number {
  const lower = query.toLowerCase();
  const content = text.toLowerCase();
  let total = 0;
  let said = 0;
  // 机 stays: it ends words (死机, 开机).
  const han = [...STOP].filter((w) => /\p{Script=Han}/u.test(w) && w !== '机').sort((a, b) => b.length - a.length);
  for (const run of lower.replace(new RegExp(han.join('|'), 'gu'), ' ').match(/\p{Script=Han}{2,}/gu) ?? []) {
    total += run.length;
    for (let i = 0; i < run.length; i++) {
      if ((i > 0 && content.includes(run.slice(i - 1, i + 1))) || (i + 1 < run.length && content.includes(run.slice(i, i + 2))))
        said++;
    }
  }
  const latin = (t: string) => (t.match(/[a-z0-9][a-z0-9'-]*/g) ?? []).filter((w) => !STOP.has(w));
  const stem = (w: string) => w.slice(0, 5);
  const seen = latin(content).map(stem);
  const pairs = new Set(seen.map((w, i) => `${w} ${seen[i + 1]}`));
  const asked = latin(lower).filter((w) => w.length > 1);
  // Linking words still place the others side by side ("held after checkout"), but are not said.
  const words = asked.filter((w) => !LINKING.has(w)).map(stem);
  const sides = asked.map(stem);
  const together = words.length < 3 || sides.some((w, i) => pairs.has(`${w} ${sides[i + 1]}`));
  for (const w of words) {
    total++;
    if (together && seen.includes(w)) said++;
  }
  return total ? said / total : 0;
}
