/**
 * Ranking on top of Pagefind. Pagefind matches pages that contain every word of the query,
 * which suits short queries ("连接超时") but finds nothing for the sentences people actually type
 * ("卡里明明有钱为什么提示余额不足"). When the full query finds fewer results than asked for, each
 * word is searched on its own and pages are ranked by the sum of their scores, so the entry that
 * matches the most (and the rarest) words comes first.
 */

import { dictionaryWords } from './query.ts';

export interface Hit {
  id: string;
  score: number;
}

export interface Searcher {
  (term: string): Promise<Hit[]>;
}

/** Words that carry no meaning for the lookup, in either language. */
const STOP = new Set(
  (
    'the a an is are was be to of in on at for and or it my our this that what why how does do did can ' +
    'with not no when i you me from pos terminal machine card ' +
    '的 了 吗 呢 是 我 你 他 她 在 有 和 就 都 也 还 要 会 能 说 怎么 怎么办 为什么 什么 一直 提示 显示 出现 ' +
    '机器 pos机 机 这 那 个 了吗 怎么回事 是不是 请问'
  ).split(' '),
);

/**
 * Word segments of a query. Intl.Segmenter is missing in older browsers (Firefox before 125):
 * there, runs of Latin letters or digits stand for words, and runs of Chinese characters are cut
 * into the index's own words (`dict`, loaded by the caller; see dictionaryWords), so that a query
 * gives the same answers with and without a segmenter. Without `dict` a run stays whole.
 */
function segments(query: string, lang: string, dict?: ReadonlySet<string>): { segment: string; isWordLike: boolean }[] {
  if (typeof Intl.Segmenter === 'function') {
    return [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(query)].map((s) => ({
      segment: s.segment,
      isWordLike: s.isWordLike ?? false,
    }));
  }
  return (query.match(/\p{Script=Han}+|[a-z0-9]+|[^\p{Script=Han}a-z0-9]+/giu) ?? []).flatMap((run) =>
    (dict && /\p{Script=Han}/u.test(run) ? dictionaryWords(run, new Set([...dict, ...STOP])) : [run]).map((segment) => ({
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
export function spaced(query: string, lang: string, dict?: ReadonlySet<string>): string {
  if (!/^zh/i.test(lang)) return query;
  return segments(query, lang, dict)
    .map((s) => s.segment.trim())
    .filter(Boolean)
    .join(' ');
}

/** Splits a query into the words worth searching on their own. */
export function queryWords(query: string, lang: string, dict?: ReadonlySet<string>): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of segments(query.toLowerCase(), lang, dict)) {
    const word = segment.trim();
    if (!isWordLike || !word || STOP.has(word)) continue;
    // Single Latin letters and single Chinese characters other than the meaningful ones
    // (卡, 纸, 钱) match too much to help.
    if (word.length === 1 && !/[卡纸钱电网码]/u.test(word)) continue;
    if (!words.includes(word)) words.push(word);
  }
  return words;
}

/** What a ranked search found, with the signals that say how well it answers the query. */
export interface Ranked {
  /** Page ids, best first. */
  ids: string[];
  /** How many pages hold every word of the query (Pagefind's own match). */
  whole: number;
  /** The query's meaningful words (searched one by one when the whole query found too little). */
  words: number;
  /** How many of those words the first page holds; `words` when the whole query matched. */
  cover: number;
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
  dict?: ReadonlySet<string>,
): Promise<Ranked> {
  const whole = await search(spaced(query, lang, dict));
  const ids = whole.map((h) => h.id);
  const words = queryWords(query, lang, dict);
  const found = { ids, whole: ids.length, words: words.length, cover: ids.length ? words.length : 0 };
  if (ids.length >= want) return found;
  if (words.length === 0 || (words.length === 1 && words[0] === query)) return found;
  const perWord = await Promise.all(words.map((w) => search(w)));
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
    .sort(([, a], [, b]) => b.matched - a.matched || b.score - a.score);
  return {
    ...found,
    ids: [...ids, ...rest.map(([id]) => id)],
    cover: ids.length ? words.length : (rest[0]?.[1].matched ?? 0),
  };
}
