import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT } from './build.ts';

export interface Query {
  q: string;
  lang: 'zh' | 'en';
  expect: string;
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
 * Runs queries through the real widget on an open page, as `el.lookup()` does for a vendor:
 * one widget per language, so the index is chosen by the widget, not by the page.
 * Resolves to the ids of the top results for each query, in order.
 */
export async function topIds(page: Page, queries: Query[], top = 3): Promise<string[][]> {
  await page.waitForFunction(() => customElements.get('pos-faq-lookup') !== undefined);
  return page.evaluate(
    async (queries, top) => {
      const widgets: Record<string, HTMLElement & { lookup(q: string): Promise<{ id: string }[]> }> = {};
      for (const lang of ['zh', 'en']) {
        const el = document.createElement('pos-faq-lookup') as (typeof widgets)[string];
        el.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
        el.setAttribute('limit', String(top));
        el.hidden = true;
        document.body.append(el);
        widgets[lang] = el;
      }
      const out: string[][] = [];
      for (const q of queries) out.push((await widgets[q.lang]!.lookup(q.q)).map((r) => r.id));
      for (const el of Object.values(widgets)) el.remove();
      return out;
    },
    queries,
    top,
  );
}
