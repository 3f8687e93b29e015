import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT } from './build.ts';

/** How a query is written (issue 19's table); every query of both sets has one. */
export const STYLES = [
  'zh-colloquial',
  'zh-spoken',
  'zh-traditional',
  'zh-pinyin-slip',
  'zh-code',
  'zh-mixed-latin',
  'en-plain',
  'en-typo',
  'en-keywords',
  'en-zh-screen',
  'near-miss',
] as const;
export type Style = (typeof STYLES)[number];

export interface Query {
  q: string;
  lang: 'zh' | 'en';
  /**
   * The entry that answers the query, expected in the top 3; `null` for a query that no entry
   * answers (a near miss), which the lookup must report as `matched: false`.
   */
  expect: string | null;
  style: Style;
  /** The file it came from (set by loadQueries). */
  file?: string;
}

/** What the lookup answered for one query: `el.search()`, as the box shows it. */
export interface Answer {
  ids: string[];
  matched: boolean;
  corrected: string | null;
  /** How much of the query the best answer says (`Outcome.confidence`), 0 to 1. */
  confidence: number;
}

/**
 * The development set (tests/relevance/: the public set, the development half of the blind
 * queries, and blind-dev-*, a blind batch kept whole for development), tuned on; or the held-out
 * set (tests/relevance-heldout/: the other half of the blind queries, written from entry ids and
 * titles only), never tuned on. Which half a blind query belongs to follows from its text alone
 * (scripts/relevance-split.ts).
 */
export function loadQueries(set: 'development' | 'heldout' = 'development'): Query[] {
  const dir = join(ROOT, set === 'development' ? 'tests/relevance' : 'tests/relevance-heldout');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const queries = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Query[];
      for (const q of queries) {
        if (!STYLES.includes(q.style)) throw new Error(`${dir}/${f}: ${JSON.stringify(q.q)} has no known style (${q.style})`);
      }
      return queries.map((q) => ({ ...q, file: f }));
    });
}

/** The ids of this catalogue's entries (faq/symptoms/zh/<id>.yaml). */
export function catalogueIds(): Set<string> {
  return new Set(readdirSync(join(ROOT, 'faq/symptoms/zh')).flatMap((f) => (f.endsWith('.yaml') ? [f.slice(0, -5)] : [])));
}

/**
 * The queries that can be measured on this catalogue, and the expected ids it does not have yet:
 * blind queries were written for entries that other branches add, and they wait until they exist.
 */
export function measurable(queries: Query[]): { queries: Query[]; absent: string[] } {
  const ids = catalogueIds();
  const absent = new Set<string>();
  const kept = queries.filter((q) => q.expect === null || ids.has(q.expect) || !absent.add(q.expect));
  return { queries: kept, absent: [...absent].sort() };
}

/**
 * Runs queries through the real widget on an open page, as `el.search()` does for a vendor:
 * one widget per language, so the index is chosen by the widget, not by the page.
 * Resolves to the ids of the top results for each query, in order, with `matched` and the
 * correction tried, if any.
 */
export async function answers(page: Page, queries: Query[], top = 3): Promise<Answer[]> {
  await page.waitForFunction(() => customElements.get('pos-faq-lookup') !== undefined);
  return page.evaluate(
    async (queries, top) => {
      type Outcome = { results: { id: string }[]; matched: boolean; corrected?: string; confidence?: number };
      const widgets: Record<string, HTMLElement & { search(q: string): Promise<Outcome> }> = {};
      for (const lang of ['zh', 'en']) {
        const el = document.createElement('pos-faq-lookup') as (typeof widgets)[string];
        el.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
        el.setAttribute('limit', String(top));
        el.hidden = true;
        document.body.append(el);
        widgets[lang] = el;
      }
      const out = [];
      for (const q of queries) {
        const o = await widgets[q.lang]!.search(q.q);
        out.push({ ids: o.results.map((r) => r.id), matched: o.matched, corrected: o.corrected ?? null, confidence: Math.round((o.confidence ?? 0) * 1000) / 1000 });
      }
      for (const el of Object.values(widgets)) el.remove();
      return out;
    },
    queries.map(({ q, lang }) => ({ q, lang })),
    top,
  );
}

/** The ids of the top results for each query (see answers). */
export async function topIds(page: Page, queries: Query[], top = 3): Promise<string[][]> {
  return (await answers(page, queries, top)).map((a) => a.ids);
}

/** Counts over a group of queries. */
export interface Tally {
  /** Queries that an entry answers. */
  answerable: number;
  top1: number;
  top3: number;
  /** Answerable queries the lookup reported as matched. */
  matched: number;
  /** Queries no entry answers (near misses), and how many were reported as not matched. */
  unrelated: number;
  unmatched: number;
}

export interface Figures extends Tally {
  byStyle: Map<Style, Tally>;
  /** One line per query that missed, for the test output. */
  misses: string[];
  summary: string;
  /** The figures per style and overall, as a Markdown table. */
  table: string;
}

const empty = (): Tally => ({ answerable: 0, top1: 0, top3: 0, matched: 0, unrelated: 0, unmatched: 0 });
const pct = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(1)}%` : '–');

/** Top 1, top 3, matched and near misses unmatched, as shares: what the gates compare. */
export const rates = (t: Tally) => ({
  top1: t.top1 / t.answerable,
  top3: t.top3 / t.answerable,
  matched: t.matched / t.answerable,
  unmatched: t.unmatched / t.unrelated,
});

/** The figures as a Markdown table, one row per style and one for all. */
export function tallyTable(byStyle: Map<Style, Tally>, all: Tally): string {
  const row = (name: string, t: Tally) =>
    `| ${name} | ${t.answerable || ''} | ${pct(t.top1, t.answerable)} | ${pct(t.top3, t.answerable)} | ${pct(t.matched, t.answerable)} | ${t.unrelated || ''} | ${pct(t.unmatched, t.unrelated)} |`;
  return [
    '| style | answerable | top 1 | top 3 | matched | near misses | reported unmatched |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...STYLES.flatMap((s) => (byStyle.has(s) ? [row(s, byStyle.get(s)!)] : [])),
    row('**all**', all),
  ].join('\n');
}

/** The relevance figures of a set of answers, overall and per style. */
export function figures(queries: Query[], got: Answer[], where = 'relevance'): Figures {
  const all = empty();
  const byStyle = new Map<Style, Tally>();
  const misses: string[] = [];
  queries.forEach((q, i) => {
    const a = got[i]!;
    const style = byStyle.get(q.style) ?? empty();
    byStyle.set(q.style, style);
    const shown = `${JSON.stringify(q.q)} → ${a.ids.join(', ') || '(nothing)'}${a.corrected ? ` (as ${JSON.stringify(a.corrected)})` : ''}, matched ${a.matched} (${a.confidence})`;
    for (const t of [all, style]) {
      if (q.expect === null) {
        t.unrelated++;
        if (!a.matched) t.unmatched++;
      } else {
        t.answerable++;
        if (a.ids[0] === q.expect) t.top1++;
        if (a.ids.includes(q.expect)) t.top3++;
        if (a.matched) t.matched++;
      }
    }
    if (q.expect === null) {
      if (a.matched) misses.push(`  near miss but matched [${q.style}] ${shown}`);
    } else if (!a.ids.includes(q.expect)) misses.push(`  miss [${q.style}] ${shown}; expected ${q.expect}`);
    else if (!a.matched) misses.push(`  found but not matched [${q.style}] ${shown}`);
  });
  const summary =
    `${where}: ${queries.length} queries. Of ${all.answerable} that an entry answers: top 1 ${all.top1} (${pct(all.top1, all.answerable)}), ` +
    `top 3 ${all.top3} (${pct(all.top3, all.answerable)}), matched ${all.matched} (${pct(all.matched, all.answerable)}). ` +
    `Of ${all.unrelated} that none answers: reported matched: false ${all.unmatched} (${pct(all.unmatched, all.unrelated)}).`;
  return { ...all, byStyle, misses, summary, table: tallyTable(byStyle, all) };
}

/**
 * The `matched` threshold's precision and recall on a set: for each candidate threshold, the share
 * of answerable queries that would be reported matched (recall), the share of near misses that
 * would not (the near-miss gate), and of all queries reported matched, the share that an entry
 * answers (precision).
 */
export function calibration(queries: Query[], got: Answer[], thresholds = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65]): string {
  const rows = thresholds.map((t) => {
    let tp = 0;
    let fp = 0;
    let answerable = 0;
    let near = 0;
    queries.forEach((q, i) => {
      const yes = got[i]!.ids.length > 0 && got[i]!.confidence >= t;
      if (q.expect === null) {
        near++;
        if (yes) fp++;
      } else {
        answerable++;
        if (yes) tp++;
      }
    });
    return `| ${t.toFixed(2)} | ${pct(tp + fp ? tp : 0, tp + fp)} | ${pct(tp, answerable)} | ${pct(near - fp, near)} |`;
  });
  return ['| threshold | precision | recall (answerable matched) | near misses unmatched |', '| ---: | ---: | ---: | ---: |', ...rows].join('\n');
}
