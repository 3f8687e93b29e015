// The lookups measured in Chromium: first lookups in a fresh profile (bytes, requests, time, also
// under Slow 4G) and warm lookups once the index is loaded, for our widget and Pagefind's UI.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { startServer } from '../static-server.mjs';
import { DEBOUNCE, FIRST_QUERY, kib, LANGS, median, ms, percentile, type Lang, type Ui } from './figures.ts';
import { hostPages, openHostPage, typeAndWait } from './host-page.ts';

const RELEVANCE = resolve(import.meta.dirname, '../../tests/relevance');
/** Lighthouse's "Slow 4G" mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** A first lookup, or the medians of several. */
export interface Cold {
  bytes: number;
  requests: number;
  ms: number;
  /** Bytes by kind of file (widget, WebAssembly, index chunks…), for the breakdown table. */
  kinds: Record<string, number>;
}

/** What a file from the FAQ origin is, for the breakdown of a first lookup's bytes. */
function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (path.startsWith('/widget/')) return 'widget script';
  if (/pagefind-ui\.(js|css)$/.test(path)) return 'Pagefind UI script and CSS';
  if (path.endsWith('/pagefind.js')) return 'Pagefind runtime (pagefind.js)';
  if (/\/wasm\.[^/]+\.pagefind$/.test(path)) return 'Pagefind WebAssembly';
  if (/pagefind-entry\.json$|\.pf_meta$/.test(path)) return 'entry and meta files';
  if (/\/index\//.test(path)) return 'index chunks';
  if (/\/fragment\//.test(path)) return 'result fragments';
  if (/\/filter\//.test(path)) return 'filter chunks';
  return 'other';
}

/**
 * A first lookup in a fresh browser profile: opens the host page, types the query, waits for the
 * results and then for the network to settle. Counts every byte that came from the FAQ origin
 * (the widget or Pagefind UI included), as DevTools reports it: `encodedDataLength`, headers
 * and compressed bodies.
 */
async function coldLookup(browser: Browser, host: string, faqOrigin: string, ui: Ui, lang: Lang, throttle: boolean): Promise<Cold> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    if (throttle) await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    const inflight = new Map<string, string>();
    const kinds: Record<string, number> = {};
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (new URL(e.request.url).origin === faqOrigin) inflight.set(e.requestId, e.request.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const url = inflight.get(e.requestId);
      if (!url) return;
      inflight.delete(e.requestId);
      bytes += e.encodedDataLength;
      requests++;
      const kind = kindOf(url);
      kinds[kind] = (kinds[kind] ?? 0) + e.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (e) => inflight.delete(e.requestId));
    await openHostPage(page, host, ui, lang);
    const ms = await typeAndWait(page, ui, FIRST_QUERY[lang], 60_000);
    if (ms === null) throw new Error(`${ui} ${lang}: the first lookup showed nothing within 60 s`);
    // Whatever the UI still fetches for this lookup counts too.
    let quiet = 0;
    while (quiet < 5) {
      await new Promise((r) => setTimeout(r, 100));
      quiet = inflight.size ? 0 : quiet + 1;
    }
    return { bytes, requests, ms: ms - DEBOUNCE[ui], kinds };
  } finally {
    await context.close();
  }
}

/** A fresh profile on a host page, after one first lookup: the index is loaded, nothing else. */
async function warmPage(browser: Browser, host: string, ui: Ui, lang: Lang): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await openHostPage(page, host, ui, lang);
  await typeAndWait(page, ui, FIRST_QUERY[lang], 60_000);
  return { page, close: () => context.close() };
}

/**
 * The UIs in turns, the first one first on even turns and last on odd ones: each side is measured
 * right beside the other, under the same load, rather than one after the other (a build that had
 * just ended once gave the first side a load of 2 and the second one of 1).
 */
const inTurn = <T>(uis: T[], turn: number) => (turn % 2 ? [...uis].reverse() : uis);

/**
 * Lookups once the index is loaded: typed → shown minus the debounce, each query in every UI in
 * turn; for ours also `el.lookup()`, the call the box makes after its debounce, in a profile of its
 * own so that no query is answered from the widget's memory of the typed run.
 */
async function warmLookups(browser: Browser, host: string, uis: Ui[], lang: Lang, queries: string[]) {
  const out = Object.fromEntries(uis.map((ui) => [ui, { shown: [] as number[], api: [] as number[], misses: 0 }]));
  const pages = Object.fromEntries(await Promise.all(uis.map(async (ui) => [ui, await warmPage(browser, host, ui, lang)] as const)));
  try {
    for (const [i, q] of queries.entries()) {
      for (const ui of inTurn(uis, i)) {
        const ms = await typeAndWait(pages[ui]!.page, ui, q);
        if (ms === null) out[ui]!.misses++;
        else out[ui]!.shown.push(Math.max(0, ms - DEBOUNCE[ui]));
      }
    }
  } finally {
    await Promise.all(Object.values(pages).map((p) => p.close()));
  }
  if (!uis.includes('ours')) return out;
  const called = await warmPage(browser, host, 'ours', lang);
  try {
    out['ours']!.api = await called.page.evaluate(async (queries) => {
      const el = document.querySelector('pos-faq-lookup') as HTMLElement & { lookup(q: string): Promise<unknown[]> };
      const times: number[] = [];
      for (const q of queries) {
        const t = performance.now();
        await el.lookup(q);
        times.push(performance.now() - t);
      }
      return times;
    }, queries);
  } finally {
    await called.close();
  }
  return out;
}

/** The relevance test set's queries for a language, spread over the whole set. */
function sampleQueries(lang: Lang, count: number): string[] {
  const all = readdirSync(RELEVANCE)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(RELEVANCE, f), 'utf8')) as { q: string; lang: string }[])
    .filter((q) => q.lang === lang)
    .map((q) => q.q);
  const step = Math.max(1, all.length / count);
  return Array.from({ length: Math.min(count, all.length) }, (_, i) => all[Math.floor(i * step)]!);
}

/** Everything measured for one UI on one built site. */
export interface UiFigures {
  cold: Record<Lang, Cold>;
  slow: Record<Lang, Cold>;
  warm: { shown: number[]; api: number[]; misses: number; queries: number };
  /** The one-minute load average when the measurements (of all UIs, in turns) started. */
  load?: number;
}

/** The medians of several first lookups. */
const medianOf = (runs: Cold[]): Cold => ({
  ...runs[0]!,
  bytes: median(runs.map((r) => r.bytes)),
  requests: median(runs.map((r) => r.requests)),
  ms: median(runs.map((r) => r.ms)),
});

/**
 * Both kinds of lookup with each of `uis` on the built site in `dist`, served compressed from an
 * origin of its own, the UIs in turns (inTurn): medians of `runs` first lookups per language (at
 * most 3 of them under Slow 4G), and up to `warm` warm lookups per language.
 */
export async function measureUis(
  browser: Browser,
  dist: string,
  uis: Ui[],
  { runs, warm: warmCount }: { runs: number; warm: number },
): Promise<Partial<Record<Ui, UiFigures>>> {
  const faq = await startServer({ root: dist, compress: true });
  const host = await hostPages(faq.url);
  const faqOrigin = new URL(faq.url).origin;
  const load = loadavg()[0]!;
  const fresh = (): UiFigures => ({
    cold: {} as Record<Lang, Cold>,
    slow: {} as Record<Lang, Cold>,
    warm: { shown: [], api: [], misses: 0, queries: 0 },
    load,
  });
  const figures = Object.fromEntries(uis.map((ui) => [ui, fresh()])) as Record<Ui, UiFigures>;
  try {
    for (const lang of LANGS) {
      for (const [throttle, count] of [[false, runs], [true, Math.min(runs, 3)]] as const) {
        const each = Object.fromEntries(uis.map((ui) => [ui, [] as Cold[]]));
        for (let i = 0; i < count; i++) {
          for (const ui of inTurn(uis, i)) each[ui]!.push(await coldLookup(browser, host.url, faqOrigin, ui, lang, throttle));
        }
        for (const ui of uis) figures[ui][throttle ? 'slow' : 'cold'][lang] = medianOf(each[ui]!);
      }
      for (const ui of uis) {
        const { cold, slow } = figures[ui];
        console.log(`  ${ui} ${lang}: first lookup ${kib(cold[lang].bytes)} in ${cold[lang].requests} requests, ${ms(cold[lang].ms)} (slow 4G ${ms(slow[lang].ms)})`);
      }
      if (warmCount > 0) {
        const queries = sampleQueries(lang, warmCount);
        const r = await warmLookups(browser, host.url, uis, lang, queries);
        for (const ui of uis) {
          const { warm } = figures[ui];
          warm.shown.push(...r[ui]!.shown);
          warm.api.push(...r[ui]!.api);
          warm.misses += r[ui]!.misses;
          warm.queries += queries.length;
        }
      }
    }
    for (const ui of uis) {
      const { warm } = figures[ui];
      if (warm.queries) console.log(`  ${ui}: warm p50 ${ms(median(warm.shown))}, p95 ${ms(percentile(warm.shown, 95))} over ${warm.queries} queries`);
    }
  } finally {
    host.server.close();
    await faq.close();
  }
  return figures;
}
