import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT } from './build.ts';

export interface Query {
  q: string;
  lang: 'zh' | 'en';
  /**
   * The entry that answers the query, expected in the top 3; `null` for a query that no entry
   * answers (queries-unrelated.json), which the lookup must report as `matched: false`.
   */
  expect: string | null;
}

/** What the lookup answered for one query: `el.search()`, as the box shows it. */
export interface Answer {
  ids: string[];
  matched: boolean;
  corrected: string | null;
}

/** The relevance test set: every tests/relevance/*.json file. */
export function loadQueries(): Query[] {
  const dir = join(ROOT, 'tests/relevance');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Query[]);
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
      type Outcome = { results: { id: string }[]; matched: boolean; corrected?: string };
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
        out.push({ ids: o.results.map((r) => r.id), matched: o.matched, corrected: o.corrected ?? null });
      }
      for (const el of Object.values(widgets)) el.remove();
      return out;
    },
    queries,
    top,
  );
}

/** The ids of the top results for each query (see answers). */
export async function topIds(page: Page, queries: Query[], top = 3): Promise<string[][]> {
  return (await answers(page, queries, top)).map((a) => a.ids);
}

export interface Figures {
  /** Queries that an entry answers. */
  answerable: number;
  top1: number;
  top3: number;
  /** Answerable queries the lookup reported as matched. */
  matched: number;
  /** Queries no entry answers, and how many of them the lookup reported as not matched. */
  unrelated: number;
  unmatched: number;
  /** One line per query that missed, for the test output. */
  misses: string[];
  summary: string;
}

/** The relevance figures of a set of answers. */
export function figures(queries: Query[], got: Answer[], where = 'relevance'): Figures {
  const f = { answerable: 0, top1: 0, top3: 0, matched: 0, unrelated: 0, unmatched: 0, misses: [] as string[] };
  const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`;
  queries.forEach((q, i) => {
    const a = got[i]!;
    const shown = `${JSON.stringify(q.q)} → ${a.ids.join(', ') || '(nothing)'}${a.corrected ? ` (as ${JSON.stringify(a.corrected)})` : ''}, matched ${a.matched}`;
    if (q.expect === null) {
      f.unrelated++;
      if (!a.matched) f.unmatched++;
      else f.misses.push(`  unrelated but matched [${q.lang}] ${shown}`);
      return;
    }
    f.answerable++;
    if (a.ids[0] === q.expect) f.top1++;
    if (a.ids.includes(q.expect)) f.top3++;
    else f.misses.push(`  miss [${q.lang}] ${shown}; expected ${q.expect}`);
    if (a.matched) f.matched++;
    else if (a.ids.includes(q.expect)) f.misses.push(`  found but not matched [${q.lang}] ${shown}`);
  });
  const summary =
    `${where}: ${queries.length} queries. Of ${f.answerable} that an entry answers: top 1 ${f.top1} (${pct(f.top1, f.answerable)}), ` +
    `top 3 ${f.top3} (${pct(f.top3, f.answerable)}), matched ${f.matched} (${pct(f.matched, f.answerable)}). ` +
    `Of ${f.unrelated} that none answers: reported matched: false ${f.unmatched} (${pct(f.unmatched, f.unrelated)}).`;
  return { ...f, summary };
}
