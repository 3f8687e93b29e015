/**
 * Build-time data that the lookup loads next to each language's Pagefind index
 * (`pagefind/<lang>/pos-faq-fold.json`, `pagefind/<lang>/pos-faq-words.json`), made from the text
 * Pagefind indexed. The widget only reads it (widget/query.ts); nothing here ships in the widget.
 *
 * - The fold map: Traditional (Taiwan, Hong Kong and generic) characters and phrases to the
 *   Simplified ones the index uses, from OpenCC (opencc-js), limited to what can matter: only
 *   entries whose Simplified side is made of the index's own characters.
 * - The words: the index's vocabulary, for typo correction when a typed word matches nothing,
 *   and as the dictionary that stands in for `Intl.Segmenter` in browsers without it. Chinese words
 *   come with their toneless pinyin, and the pinyin of the common characters (GB 2312 level 1 and
 *   the index's own) lets the widget read a typed homophone.
 */
import type { Element, ElementContent, Root } from 'hast';
import { Converter, Locale as OpenCCLocale } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { commonCharacters } from './match-data.ts';

const HAN = /\p{Script=Han}/u;

/**
 * Words that Taiwan and Hong Kong write differently, where OpenCC converts the characters but not
 * the word (it makes 當機 当机 and 逾時 逾时, which no Simplified entry says). Applied after
 * OpenCC's own phrases; kept only when the index says the Simplified word.
 */
export const REGIONAL: Readonly<Record<string, string>> = {
  當機: '死机',
  当机: '死机',
  逾時: '超时',
  刷卡機: 'POS机',
  逾时: '超时',
  連線: '连接',
  網路: '网络',
  网路: '网络',
  收據: '小票',
  簽單: '签购单',
  签单: '签购单',
  螢幕: '屏幕',
  萤幕: '屏幕',
  列印: '打印',
  // Card-terminal words of Taiwan's and Hong Kong's counters (EDC screens, acquirers' letters,
  // Cantonese as typed), as the mainland terms the entries use.
  請款: '结算',
  请款: '结算',
  結帳: '结算',
  埋數: '结算',
  埋数: '结算',
  感應卡: '闪付卡',
  感应卡: '闪付卡',
  感應: '挥卡',
  感应: '挥卡',
  嗶卡: '挥卡',
  哔卡: '挥卡',
  拍卡: '挥卡',
  碌卡: '刷卡',
  // The fold is one pass, longest key first: Hong Kong's own spelling of the two, with 咭.
  拍咭: '挥卡',
  碌咭: '刷卡',
  咭: '卡',
  簽帳金融卡: '储蓄卡',
  签帐金融卡: '储蓄卡',
  金融卡: '储蓄卡',
  刷退: '退款',
  // Taiwan's acquirers' word; not the Simplified 调阅, which the mainland says of any records.
  調閱: '调单',
  影本: '复印件',
  請洽: '请联系',
  请洽: '请联系',
  聯絡: '联系',
  联络: '联系',
  入帳: '到账',
  入账: '到账',
  特約商店: '商户',
  特约商店: '商户',
  補印: '补打',
  补印: '补打',
  重印: '重打',
  感熱紙: '热敏纸',
  感热纸: '热敏纸',
  // A synonym rather than a regional word, but the one people type for a swollen battery.
  膨脹: '鼓包',
  膨胀: '鼓包',
};

/** The text Pagefind indexes on a page: inside `data-pagefind-body`, without ignored or hidden parts. */
export function indexedText(html: string): string {
  // Most pages have no such part (only entries are indexed): no need to parse them.
  const at = html.indexOf('data-pagefind-body');
  if (at < 0) return '';
  // From the body's own tag on, as a fragment: the head and the header before it are half of
  // the page, and what follows its end tag (the footer) is outside it all the same.
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html.slice(html.lastIndexOf('<', at))) as Root;
  const out: string[] = [];
  const walk = (nodes: ElementContent[] | Root['children'], inBody: boolean) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (inBody) out.push(node.value);
      } else if (node.type === 'element') {
        const el = node as Element;
        const p = el.properties;
        if (p['dataPagefindIgnore'] !== undefined || p['hidden'] !== undefined) continue;
        if (['script', 'style', 'template'].includes(el.tagName)) continue;
        const body = inBody || p['dataPagefindBody'] !== undefined;
        // Block boundaries separate words.
        if (body) out.push(' ');
        walk(el.children, body);
        if (body) out.push(' ');
      }
    }
  };
  walk(tree.children, false);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The characters a Traditional input method types: Big5 with the Hong Kong supplement (as the
 * WHATWG big5 decoder reads it), about 13,500 characters. Rarer variants are left out of the map.
 */
function typedTraditional(): Set<string> {
  const decoder = new TextDecoder('big5');
  const out = new Set<string>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail > 0x7e && trail < 0xa1) continue;
      const c = decoder.decode(new Uint8Array([lead, trail]));
      if ([...c].length === 1 && HAN.test(c)) out.add(c);
    }
  }
  return out;
}

type OpenCCDict = string | string[][] | { [key: string]: unknown };

/** Every `from → to` pair of the OpenCC dictionaries that lead from Traditional to Simplified. */
function openccPairs(): Map<string, string> {
  const pairs = new Map<string, string>();
  const groups = [OpenCCLocale.from.twp, OpenCCLocale.from.hkp, OpenCCLocale.to.cn].flatMap(
    (g) => (g ?? []) as unknown as OpenCCDict[][],
  );
  for (const group of groups) {
    for (const dict of group) {
      if (typeof dict !== 'string') continue;
      for (const entry of dict.split('|')) {
        const [from, to] = entry.split(' ');
        if (from && to) pairs.set(from, to);
      }
    }
  }
  return pairs;
}

let converted: { singles: [string, string[]][]; phrases: [string, string][] } | undefined;
/**
 * OpenCC's conversions, which do not depend on the index: for each typed Traditional character the
 * single Simplified characters it becomes (Taiwan's phrases, Hong Kong's phrases, Hong Kong's
 * characters, in that order of preference), and each phrase of two or more characters with its
 * Taiwan conversion. Computed once per process: the build needs them for both languages.
 */
function conversions() {
  if (converted) return converted;
  const toCn = [
    Converter({ from: 'twp', to: 'cn' }),
    Converter({ from: 'hkp', to: 'cn' }),
    Converter({ from: 'hk', to: 'cn' }),
  ];
  const singles: [string, string[]][] = [];
  for (const c of typedTraditional()) {
    const candidates = toCn.map((convert) => convert(c)).filter((s) => s !== c && [...s].length === 1);
    if (candidates.length) singles.push([c, candidates]);
  }
  const phrases: [string, string][] = [...openccPairs().keys()].filter((from) => [...from].length >= 2).map((from) => [from, toCn[0]!(from)]);
  converted = { singles, phrases };
  return converted;
}

/**
 * The fold map for an index's text: key → Simplified. Single characters from the whole CJK range
 * that OpenCC makes into one of the index's characters, phrases whose conversion differs from
 * converting their characters one by one (unless the index says them that way), and the regional
 * words above, each only when its Simplified side is in the index.
 */
export function foldMap(text: string): Record<string, string> {
  const chars = new Set([...text].filter((c) => HAN.test(c)));
  const { singles, phrases } = conversions();
  const map: Record<string, string> = {};
  const inIndex = (s: string) => [...s].every((c) => !HAN.test(c) || chars.has(c));
  for (const [c, candidates] of singles) {
    const s = candidates.find((s) => chars.has(s));
    if (s) map[c] = s;
  }
  const byChar = (s: string) => [...s].map((c) => map[c] ?? c).join('');
  // The entries' own word wins: a phrase that the index says character for character (通訊 as
  // 通讯, the screen message "通讯失败") keeps it, even where OpenCC's Taiwan table has another
  // (通信) that the index also uses elsewhere.
  for (const [from, converted] of phrases) {
    const literal = byChar(from);
    if (converted !== literal && !text.includes(literal) && inIndex(converted) && text.includes(converted)) map[from] = converted;
  }
  const lower = text.toLowerCase();
  for (const [from, to] of Object.entries(REGIONAL)) {
    if (from !== to && lower.includes(to.toLowerCase())) map[from] = to;
  }
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Words of a text, as `Intl.Segmenter` (Node's full ICU) cuts them, with how often each occurs.
 * ICU's dictionary does not know many payment terms and cuts them into single characters (小票,
 * 冲正); a run of such single characters counts as one word of the index.
 */
export function wordCounts(text: string, lang: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (word: string) => counts.set(word, (counts.get(word) ?? 0) + 1);
  let singles = '';
  const flush = () => {
    if (singles.length > 1) add(singles);
    singles = '';
  };
  for (const s of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text.toLowerCase())) {
    const word = s.segment;
    if (lang === 'zh') {
      // Chinese words for the zh vocabulary; the en pages quote Chinese screen messages, which
      // the fold map covers.
      if (s.isWordLike && HAN.test(word) && [...word].length === 1) {
        singles += word;
        continue;
      }
      flush();
      if (s.isWordLike && HAN.test(word)) add(word);
    } else if (s.isWordLike && /^[a-z][a-z'-]*[a-z]$/.test(word) && word.length > 2) add(word);
  }
  flush();
  return counts;
}

/** What `pos-faq-words.json` holds (see widget/query.ts). */
export interface WordsData {
  version: 1;
  /** The index's words, most frequent first. */
  words: string[];
  /**
   * Chinese only: toneless pinyin syllable → the characters read that way (a character with
   * several readings is under each). Covers GB 2312 level 1 and every character of the index.
   */
  sounds?: Record<string, string>;
}

/** The words file for an index's text. */
export function wordsData(text: string, locale: 'zh' | 'en'): WordsData {
  const counts = wordCounts(text, locale);
  const words = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([w]) => w);
  if (locale !== 'zh') return { version: 1, words };
  const chars = new Set([...commonCharacters(), ...[...text].filter((c) => HAN.test(c))]);
  const sounds: Record<string, string> = {};
  for (const c of [...chars].sort()) {
    const readings = pinyin(c, { toneType: 'none', type: 'array', multiple: true }) as string[];
    for (const r of new Set(readings)) {
      if (!/^[a-zü]+$/.test(r)) continue;
      sounds[r] = (sounds[r] ?? '') + c;
    }
  }
  return { version: 1, words, sounds };
}
