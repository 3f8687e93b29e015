// A faster loop for tuning the second reading (issue 19), not a test: the browser test
// (tests/e2e/relevance.test.ts) is the truth. `node scripts/relevance-capture.ts [development|heldout]`
// runs a set through the built widget once and writes, per query, what the lookup answered and,
// when it took the second reading (widget/match.ts), what it handed it: the folded query and
// Pagefind's order. scripts/relevance-score.ts then replays only the second reading in Node
// against the current widget/match.ts and src/lib/match-data.ts, in seconds.
// The held-out capture holds query texts: the score script prints only its figures per style.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from '../tests/helpers/build.ts';
import { loadQueries, measurable } from '../tests/helpers/relevance.ts';
import { serveAndLaunch } from '../tests/helpers/serve.ts';

const set = process.argv[2] === 'heldout' ? 'heldout' : 'development';
const { queries } = measurable(loadQueries(set));
const session = await serveAndLaunch(DIST);
try {
  const page = await session.browser.newPage();
  // Records the calls of the match script's function (it is the one `pos-faq-data` detail that is
  // a function), without changing what the widget receives.
  await page.evaluateOnNewDocument(() => {
    const w = globalThis as unknown as { __calls: unknown[] };
    w.__calls = [];
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (this: EventTarget, type: string, fn: unknown, opts?: unknown) {
      if (type !== 'pos-faq-data' || typeof fn !== 'function') return add.call(this, type, fn as EventListener, opts as boolean);
      const wrapped = (e: CustomEvent) => {
        const d = e.detail as unknown;
        if (typeof d !== 'function') return (fn as (e: unknown) => void)(e);
        const spy = (...args: unknown[]) => {
          const out = (d as (...a: unknown[]) => unknown)(...args);
          w.__calls.push({ args, out });
          return out;
        };
        return (fn as (e: unknown) => void)({ detail: spy });
      };
      return add.call(this, type, wrapped as EventListener, opts as boolean);
    };
  });
  await page.goto(new URL('en/', session.url).href, { waitUntil: 'load' });
  await page.waitForFunction(() => customElements.get('pos-faq-lookup') !== undefined);
  const got = await page.evaluate(async (queries) => {
    type Outcome = { results: { id: string }[]; matched: boolean; corrected?: string; confidence?: number };
    const w = globalThis as unknown as { __calls: unknown[] };
    const widgets: Record<string, HTMLElement & { search(q: string): Promise<Outcome> }> = {};
    for (const lang of ['zh', 'en']) {
      const el = document.createElement('pos-faq-lookup') as (typeof widgets)[string];
      el.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      el.setAttribute('limit', '3');
      el.hidden = true;
      document.body.append(el);
      widgets[lang] = el;
    }
    const out = [];
    for (const q of queries) {
      w.__calls = [];
      const o = await widgets[q.lang]!.search(q.q);
      out.push({ ids: o.results.map((r) => r.id), matched: o.matched, corrected: o.corrected ?? null, confidence: o.confidence ?? 0, calls: w.__calls });
    }
    return out;
  }, queries.map(({ q, lang }) => ({ q, lang })));
  mkdirSync(join(ROOT, 'tests/.out'), { recursive: true });
  const file = join(ROOT, `tests/.out/capture-${set}.json`);
  writeFileSync(file, JSON.stringify(queries.map((q, i) => ({ ...q, got: got[i] }))));
  console.log(`${queries.length} queries, ${got.filter((g) => g.calls.length).length} took the second reading → ${file}`);
} finally {
  await session.close();
}
