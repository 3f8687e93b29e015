/**
 * A second reading of a query, for when Pagefind's words miss (issue 19): each entry's own words
 * (title, screen messages and aliases, in both languages: they are paraphrases of one another)
 * matched the way Lucene's CJK analyzer does, by overlapping pairs of characters, so that no word
 * segmenter is needed and a reworded or padded question still meets the entry that says part of
 * it. On top of the pairs:
 *
 * - sound: a pair of Chinese characters also meets the pair read the same in toneless pinyin (a
 *   slip of the pinyin input method, 小漂 for 小票), and Latin letters typed in a Chinese query are
 *   read as pinyin syllables (lianjie chaoshi meets 连接超时);
 * - spelling: an English word the entries never use meets the entry word one edit away (two for
 *   words of seven letters or more), each misspelt word on its own;
 * - both languages: every entry carries its text in both, so Chinese screen text typed into the
 *   English box meets the entries that show it, and English words in a Chinese query meet theirs;
 * - filler: the words of spoken and colloquial Chinese that say nothing about the problem (就是,
 *   那个, 咋, 啥…) are taken out before the pairs are made.
 *
 * Rare pairs count more than common ones (inverse document frequency). `said` is the weighted
 * share of the query's characters and words an entry says, the measure of a good answer.
 *
 * Not in the widget: bundled with its data into `pagefind/<lang>/pos-faq-match.js` (built by
 * src/integrations/pagefind.ts, data from src/lib/match-data.ts), which the widget loads only for
 * a query that Pagefind's words do not answer well.
 */
import { STOP } from './rank.ts';
import { englishWords, latinWords, stem } from './match-words.ts';

/** What `pos-faq-match.js` carries: per entry its id and texts; zh also readings. */
export interface MatchData {
  ids: string[];
  /** Per entry: its title; what else identifies it (messages, aliases, the other language's); its summary. */
  texts: [string, string, string][];
  /** Toneless pinyin syllable → characters whose usual reading it is. */
  sounds: Record<string, string>;
  /** Syllable → characters that can also be read so (polyphones). */
  also: Record<string, string>;
  /**
   * Where an answer starts, calibrated on the development set (docs/relevance.md): the share of
   * the query an entry must say, or the weight of what it says, whichever comes first.
   */
  line: { said: number; mass: number };
}

export interface Match {
  id: string;
  score: number;
  /** The weighted share of the query the entry says, 0 to 1. */
  said: number;
  /** The weight of what it says (inverse document frequency summed). */
  mass: number;
  /** How well it answers, 0 to 1, where 0.5 is the line of a good answer (MatchData.line). */
  confidence: number;
}

const HAN = /\p{Script=Han}/u;

/**
 * Words of spoken and colloquial Chinese that pad a question without naming the problem: fillers,
 * hedges, question tails and the northern 咋/啥/整/弄/搞. Taken out of queries and entries alike.
 */
export const FILLER = (
  '就是 那个 这个 嗯 啊 呃 哎 唉 哦 呀 吧 啦 嘛 哈 呗 咧 然后 好像 感觉 一下 老是 总是 突然 到底 究竟 ' +
  '咋回事 咋办 咋整 咋弄 咋搞 怎么整 怎么弄 怎么搞 为啥 干啥 咋 啥 请问 我想问 想问 问一下 谁知道 ' +
  '有没有人 求助 帮忙 帮我 看看 回事 我们 我的 你们 他们 咱们 这边 那边 的话 之类 不知道 知道 应该 可能 ' +
  '是否 能不能 可不可以 行不行 该怎么 怎么 一点 有点 这种 那种 情况 问题 佢 嘅 咗 喇 囉 啲 的 了 吗 呢 ' +
  // Intensifiers and the spoken "for ages", which only say how much (贼快, 弄了半天).
  '超级 特别 非常 挺 蛮 弄了半天 弄半天 搞了半天 搞半天 好久 要不要 对不对 好不好 靠谱不'
).split(' ');

/** Cantonese words written in Hong Kong, as the Mandarin the entries use. */
const CANTONESE: [RegExp, string][] = [[/唔/g, '不'], [/冇/g, '没有'], [/係/g, '是'], [/點解/g, '为什么'], [/乜嘢/g, '什么']];
/** How much a pair met by sound, or a word met by spelling, counts beside an exact one. */
const SOUND = 0.75;
/** How much a character counts when the entry has it, but not with its neighbour from the query. */
const ALONE = 0.4;
/** How much English words count in an entry that has no two of them side by side (three or more). */
const APART = 0.5;
const SPELL = 0.8;
/** How much the title, the other identifying texts and the summary count. */
const FIELDS = [1.25, 1, 0.5];

/** Characters that pad a sentence when they make no word with a neighbour (我刷, 他那, 被偷). */
const FUNCTION_CHARS = new Set('是我你他她它在有和就都也还要会能说这那个把被让给跟对又再才很太非可着过得地们啦嘛吧一'.split(''));

/** Chinese runs of a text with stop and filler words taken out. */
function hanRuns(text: string, drop: RegExp): string[] {
  return text.replace(drop, ' ').match(/\p{Script=Han}+/gu) ?? [];
}

export function matcher(data: MatchData) {
  const n = data.ids.length;
  // Characters → readings: the usual first.
  const reads = new Map<string, string[]>();
  for (const table of [data.sounds, data.also]) {
    for (const [s, chars] of Object.entries(table)) for (const c of chars) reads.set(c, [...(reads.get(c) ?? []), s]);
  }
  const syllables = new Set(Object.keys(data.sounds));
  // Stop words of one character (能, 要, 会…) also end or start words (功能, 要求): only longer ones go.
  const drop = new RegExp([...FILLER, ...[...STOP].filter((w) => HAN.test(w) && w.length > 1)].sort((a, b) => b.length - a.length).join('|'), 'gu');
  const soundOf = (c: string) => reads.get(c)?.[0] ?? c;

  // Features of each entry: feature → weight (1 for the identifying texts, SUMMARY for the summary).
  const entries = data.texts.map((fields) => {
    const f = new Map<string, number>();
    fields.forEach((text, i) => {
      const w = FIELDS[i]!;
      const put = (k: string) => f.set(k, Math.max(f.get(k) ?? 0, w));
      const lower = text.toLowerCase();
      for (const run of hanRuns(lower, drop)) {
        for (let j = 0; j + 1 < run.length; j++) {
          put(`c${run.slice(j, j + 2)}`);
          put(`s${soundOf(run[j]!)} ${soundOf(run[j + 1]!)}`);
        }
        for (const c of run) put(`c${c}`);
      }
      const words = latinWords(lower);
      words.forEach((w, j) => {
        put(`w${stem(w)}`);
        if (j > 0) put(`b${stem(words[j - 1]!)} ${stem(w)}`);
      });
    });
    return f;
  });
  // Feature → the entries that have it, with their weight: a query reads only its own features.
  const postings = new Map<string, [number, number][]>();
  entries.forEach((f, e) => {
    for (const [k, w] of f) postings.set(k, [...(postings.get(k) ?? []), [e, w]]);
  });
  const df = new Map([...postings].map(([k, list]) => [k, list.length]));
  const idf = (k: string) => Math.log(1 + n / (df.get(k) ?? 0.5));
  const { joined, spelt } = englishWords(data.texts, df);

  /** Latin letters as pinyin syllables: every way to spell the word with them (yue: yue, yu e). */
  const asPinyin = (word: string): string[][] => {
    const out: string[][] = [];
    const go = (i: number, acc: string[]) => {
      if (i === word.length) out.push(acc);
      for (let j = Math.min(word.length, i + 6); j > i && out.length < 8; j--) if (syllables.has(word.slice(i, j))) go(j, [...acc, word.slice(i, j)]);
    };
    go(0, []);
    return out;
  };

  return (query: string): Match[] => {
    const lower = CANTONESE.reduce((t, [from, to]) => t.replace(from, to), query.toLowerCase());
    // Groups of alternatives: each group is one unit of the query (a character, a word), said
    // when one of its features is in the entry. Weighted by its rarest known feature.
    type Unit = { alts: [string, number][]; weight: number; latin?: boolean };
    const units: Unit[] = [];
    // Terms rank: each pair of characters, each word and each pair of words, worth its rarity.
    const terms: [string, number][][] = [];
    const unit = (alts: [string, number][], char = '', latin = false) => {
      const known = alts.filter(([k, w]) => w > ALONE && df.has(k));
      const weight = known.length ? Math.max(...known.map(([k]) => idf(k))) : FUNCTION_CHARS.has(char) ? 0 : Math.log(1 + 2 * n);
      units.push({ alts, weight, latin });
    };
    const pairs = (a: string, b: string): [string, number][] => {
      const out: [string, number][] = [[`c${a}${b}`, 1]];
      for (const x of reads.get(a) ?? []) for (const y of reads.get(b) ?? []) out.push([`s${x} ${y}`, SOUND]);
      return out;
    };
    for (const run of hanRuns(lower, drop)) {
      if (run.length === 1) {
        unit([[`c${run}`, 1]], run);
        terms.push([[`c${run}`, 1]]);
        continue;
      }
      for (let j = 1; j < run.length; j++) terms.push(pairs(run[j - 1]!, run[j]!));
      // A character is said when a pair it belongs to is.
      for (let j = 0; j < run.length; j++) {
        const c = run[j]!;
        const alone: [string, number][] = FUNCTION_CHARS.has(c) ? [] : [[`c${c}`, ALONE]];
        if (alone.length) terms.push(alone);
        unit([...(j > 0 ? pairs(run[j - 1]!, c) : []), ...(j + 1 < run.length ? pairs(c, run[j + 1]!) : []), ...alone], c);
      }
    }
    // Latin letters: English words, and in a run of pinyin-shaped words, the syllable pairs.
    const words = joined(latinWords(lower));
    const pinyinShaped = HAN.test(query) || !words.some((x) => df.has(`w${stem(x)}`));
    const spellings = words.map((w) => (pinyinShaped ? asPinyin(w) : []));
    words.forEach((w, i) => {
      const key = `w${stem(w)}`;
      const alts: [string, number][] = [[key, 1]];
      if (!df.has(key)) {
        const fixed = spelt(w);
        if (fixed) alts.push([`w${fixed}`, SPELL]);
      }
      const pair = (x?: string, y?: string) => x && y && alts.push([`s${x} ${y}`, SOUND]);
      for (const syl of spellings[i]!) {
        syl.forEach((x, j) => pair(x, syl[j + 1]));
        // A word of pinyin pairs with its neighbours too (pos ji lianjie: ji lian).
        for (const before of spellings[i - 1] ?? []) pair(before.at(-1), syl[0]);
        for (const after of spellings[i + 1] ?? []) pair(syl.at(-1), after[0]);
      }
      // A lone pinyin syllable that makes no known pair (pos ji) is as empty as a function character.
      const lone = !df.has(key) && alts.length > 1 && spellings[i]!.every((syl) => syl.length === 1);
      unit(alts, lone ? '一' : '', true);
      terms.push(alts);
      if (i > 0) terms.push([[`b${stem(words[i - 1]!)} ${stem(w)}`, 1]]);
    });
    const total = units.reduce((s, u) => s + u.weight, 0);
    if (!total) return [];
    const said = new Float64Array(n);
    const score = new Float64Array(n);
    const best = new Float64Array(n);
    // For each group, each entry's best alternative: its weight in the entry times how exact it is.
    const each = (alts: [string, number][], rare: boolean, into: Float64Array, by: number) => {
      best.fill(0);
      for (const [k, w] of alts) {
        const worth = w * (rare ? idf(k) : 1);
        for (const [e, ew] of postings.get(k) ?? []) best[e] = Math.max(best[e]!, (rare ? ew : Math.min(1, ew)) * worth);
      }
      for (let e = 0; e < n; e++) into[e] = into[e]! + by * best[e]!;
    };
    // Three English words or more: an entry that has no two of them side by side says none of
    // them ("cracked screen after dropping" is not "case cracked open", "screen lifting", "dropped").
    const latin = new Float64Array(n);
    const together = new Float64Array(n);
    for (const u of units) each(u.alts, false, u.latin ? latin : said, u.weight);
    for (const t of terms) each(t, true, score, 1);
    for (let i = 1; i < words.length; i++) each([[`b${stem(words[i - 1]!)} ${stem(words[i]!)}`, 1]], false, together, 1);
    for (let e = 0; e < n; e++) said[e] = said[e]! + latin[e]! * (words.length < 3 || together[e]! > 0 ? 1 : APART);
    const out: Match[] = [];
    for (let e = 0; e < n; e++) if (score[e]! > 0) {
        const share = said[e]! / total;
        const confidence = Math.min(1, Math.max(share / data.line.said, said[e]! / data.line.mass) / 2);
        out.push({ id: data.ids[e]!, score: score[e]!, said: share, mass: said[e]!, confidence });
      }
    return out.sort((a, b) => b.score - a.score || b.said - a.said);
  };
}

/** What `pos-faq-match.js` answers: the ids to show, in order, and how well the best one answers. */
export interface Answer {
  ids: string[];
  confidence: number;
}

/** How much Pagefind's order counts beside the entries' texts when both rank. */
const PAGEFIND = 0.5;

/**
 * The entries to show for a query, from Pagefind's order (`shown`) and the entries' texts together
 * (reciprocal rank: a place near the top counts most), and the confidence of the best-answering of
 * them: an entry that shares nothing with the query answers nothing, whatever Pagefind found.
 */
export function answer(match: (query: string) => Match[], query: string, shown: string[], limit: number): Answer {
  const ranked = match(query);
  const score = new Map<string, number>();
  const add = (id: string, n: number) => score.set(id, (score.get(id) ?? 0) + n);
  shown.forEach((id, i) => add(id, PAGEFIND / (i + 2)));
  ranked.slice(0, 2 * limit).forEach((m, i) => add(m.id, 1 / (i + 2)));
  const ids = [...score].sort(([, a], [, b]) => b - a).slice(0, limit).map(([id]) => id);
  return { ids, confidence: Math.max(0, ...ranked.filter((m) => ids.includes(m.id)).map((m) => m.confidence)) };
}
