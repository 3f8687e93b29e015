// `npm run bench`: how fast the site builds and how much a first lookup costs, written to
// docs/benchmarks.md with the machine it ran on. Not a test: the figures depend on the machine.
//
//   npm run bench                      # the shipped catalogue, then 1,000 and 10,000 entries
//   npm run bench -- --sizes=1000      # other scale runs (--sizes= for none)
//   npm run bench -- --runs=3          # cold runs per measurement (default 5)
//
// Everything is built into a temporary folder (POS_FAQ_BENCH_DIR, default <tmp>/pos-faq-bench):
// dist/ and offline/ are left alone.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, freemem, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'puppeteer-core';
import { startServer } from './static-server.mjs';
import { generateCatalogue } from './bench-catalogue.ts';
import { launch } from '../tests/helpers/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '5' },
    warm: { type: 'string', default: '60' },
  },
});
const SIZES = options.sizes.split(',').filter(Boolean).map(Number);
const RUNS = Number(options.runs);
const WORK = process.env['POS_FAQ_BENCH_DIR'] ?? join(tmpdir(), 'pos-faq-bench');

/** Targets from issue 6. */
const TARGET = {
  firstLookupBytes: 150 * 1024,
  firstLookupBytesAt10k: 300 * 1024,
  warmP50Ms: 50,
  buildSecondsPer1000Pages: 15,
};
/** Lighthouse's "Slow 4G" mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
/** First lookups, per language: the brief's own examples. */
const FIRST_QUERY = { zh: '连接超时', en: 'connection timeout' } as const;
type Lang = keyof typeof FIRST_QUERY;
const LANGS = Object.keys(FIRST_QUERY) as Lang[];
/** The debounce of each UI, taken off its "typed → shown" times: both wait before searching. */
const DEBOUNCE = { ours: 150, pagefind: 300 } as const;
type Ui = keyof typeof DEBOUNCE;

// ---------------------------------------------------------------------------------------------
// Building

interface Run {
  seconds: number;
  /** Peak resident memory of the whole process tree (Astro's Node and Pagefind's binary), sampled. */
  peakMiB: number | null;
}

/** Runs a command, timing it and sampling the memory of its process tree every 100 ms (Linux). */
function timed(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let peak: number | null = existsSync('/proc/self/status') ? 0 : null;
    const sample = setInterval(() => {
      if (peak !== null && child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`));
      else resolvePromise({ seconds: (performance.now() - started) / 1000, peakMiB: peak === null ? null : peak / 1024 });
    });
  });
}

/** The resident memory of a process and all its descendants, in KiB, from /proc. */
function treeRssKiB(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // Gone already.
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

function astroBuild(content: string, out: string): Promise<Run> {
  rmSync(out, { recursive: true, force: true });
  return timed(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    POS_FAQ_CONTENT: content,
    POS_FAQ_OUT: out,
  });
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
const bytesIn = (dir: string, test: (f: string) => boolean = () => true) =>
  filesIn(dir)
    .filter(test)
    .reduce((sum, f) => sum + statSync(f).size, 0);
/** The index proper: what Pagefind writes minus its own UI bundles, which the lookup never loads. */
const isIndexFile = (f: string) => !/pagefind-(ui|component-ui|modular-ui|highlight)\.(js|css)$/.test(f);

// ---------------------------------------------------------------------------------------------
// Measuring in Chromium

/** The host pages: another origin that embeds either lookup, as a vendor's support site would. */
function hostPages(faq: string): Promise<{ url: string; server: Server }> {
  const page = (ui: Ui, lang: Lang) => {
    const tag = lang === 'zh' ? 'zh-CN' : 'en';
    const body =
      ui === 'ours'
        ? `<script src="${faq}widget/pos-faq.js" async></script></head><body><pos-faq-lookup lang="${tag}"></pos-faq-lookup>`
        : `<link rel="stylesheet" href="${faq}pagefind/${lang}/pagefind-ui.css"><script src="${faq}pagefind/${lang}/pagefind-ui.js"></script></head>` +
          `<body><div id="search"></div><script>new PagefindUI({ element: '#search', bundlePath: '${faq}pagefind/${lang}/', showImages: false });</script>`;
    return `<!DOCTYPE html><html lang="${tag}"><head><meta charset="utf-8"><title>Host</title>${body}</body></html>`;
  };
  const server = createServer((req, res) => {
    const match = /^\/(ours|pagefind)-(zh|en)\.html$/.exec(req.url ?? '');
    if (!match) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(match[1] as Ui, match[2] as Lang));
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

/**
 * In the page: clears the box, types `query` in one go and resolves when the results are on
 * screen (or the UI says there are none), in milliseconds from the input event. Works for both
 * UIs; a MutationObserver sees the result the moment it is drawn.
 */
function typeAndWait(page: Page, ui: Ui, query: string, timeoutMs = 15_000): Promise<number | null> {
  return page.evaluate(
    async (ui, query, timeoutMs) => {
      const root = (ui === 'ours' ? document.querySelector('pos-faq-lookup')!.shadowRoot! : document.querySelector('#search')!) as ParentNode & Node;
      const input = root.querySelector<HTMLInputElement>(ui === 'ours' ? 'input' : '.pagefind-ui__search-input')!;
      const text = (sel: string) => root.querySelector(sel)?.textContent ?? '';
      const done = () => {
        if (ui === 'ours') {
          const list = root.querySelector<HTMLElement>('[role="listbox"]');
          const shown = list && !list.hidden && list.querySelector('[role="option"]') && list.getAttribute('aria-busy') !== 'true';
          return Boolean(shown) || /没有找到|No matching/.test(text('[aria-live], [role="status"]'));
        }
        // Pagefind UI first says it is searching, then draws a placeholder per result and fills
        // each one when its data arrives: done when every result has its link, or when it says
        // there is none (its message names the query and no longer ends in an ellipsis).
        const results = [...root.querySelectorAll('.pagefind-ui__result')];
        if (results.length) return results.every((r) => r.querySelector('.pagefind-ui__result-link'));
        const message = text('.pagefind-ui__message').trim();
        return message.includes(query) && !/(\.\.\.|…)$/.test(message);
      };
      const set = (value: string) => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      };
      const until = (test: () => boolean) =>
        new Promise<boolean>((resolve) => {
          if (test()) return resolve(true);
          const observer = new MutationObserver(() => {
            if (test()) {
              observer.disconnect();
              clearTimeout(timer);
              resolve(true);
            }
          });
          observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
          const timer = setTimeout(() => {
            observer.disconnect();
            resolve(false);
          }, timeoutMs);
        });
      input.focus();
      if (input.value) {
        set('');
        await new Promise((r) => setTimeout(r, 400));
      }
      const started = performance.now();
      set(query);
      return (await until(done)) ? performance.now() - started : null;
    },
    ui,
    query,
    timeoutMs,
  );
}

interface Cold {
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
    await page.goto(`${host}${ui}-${lang}.html`, { waitUntil: 'load' });
    await page.waitForFunction(
      (ui) =>
        ui === 'ours'
          ? Boolean(document.querySelector('pos-faq-lookup')?.shadowRoot?.querySelector('input'))
          : Boolean(document.querySelector('.pagefind-ui__search-input')),
      {},
      ui,
    );
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
  await page.goto(`${host}${ui}-${lang}.html`, { waitUntil: 'load' });
  await page.waitForFunction(
    (ui) =>
      ui === 'ours'
        ? Boolean(document.querySelector('pos-faq-lookup')?.shadowRoot?.querySelector('input'))
        : Boolean(document.querySelector('.pagefind-ui__search-input')),
    {},
    ui,
  );
  await typeAndWait(page, ui, FIRST_QUERY[lang], 60_000);
  return { page, close: () => context.close() };
}

/**
 * Lookups once the index is loaded: typed → shown minus the debounce, for both UIs; for ours also
 * `el.lookup()`, the call the box makes after its debounce, in a profile of its own so that no
 * query is answered from the widget's memory of the typed run.
 */
async function warmLookups(browser: Browser, host: string, ui: Ui, lang: Lang, queries: string[]): Promise<{ shown: number[]; api: number[]; misses: number }> {
  const shown: number[] = [];
  let misses = 0;
  const typed = await warmPage(browser, host, ui, lang);
  try {
    for (const q of queries) {
      const ms = await typeAndWait(typed.page, ui, q);
      if (ms === null) misses++;
      else shown.push(Math.max(0, ms - DEBOUNCE[ui]));
    }
  } finally {
    await typed.close();
  }
  if (ui !== 'ours') return { shown, api: [], misses };
  const called = await warmPage(browser, host, ui, lang);
  try {
    const api = await called.page.evaluate(async (queries) => {
      const el = document.querySelector('pos-faq-lookup') as HTMLElement & { lookup(q: string): Promise<unknown[]> };
      const times: number[] = [];
      for (const q of queries) {
        const t = performance.now();
        await el.lookup(q);
        times.push(performance.now() - t);
      }
      return times;
    }, queries);
    return { shown, api, misses };
  } finally {
    await called.close();
  }
}

/** The relevance test set's queries for a language, spread over the whole set. */
function sampleQueries(lang: Lang, count: number): string[] {
  const dir = join(ROOT, 'tests/relevance');
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { q: string; lang: string }[])
    .filter((q) => q.lang === lang)
    .map((q) => q.q);
  const step = Math.max(1, all.length / count);
  return Array.from({ length: Math.min(count, all.length) }, (_, i) => all[Math.floor(i * step)]!);
}

// ---------------------------------------------------------------------------------------------
// Figures

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  return sorted[lo]! + (sorted[Math.ceil(rank)]! - sorted[lo]!) * (rank - lo);
}
const kib = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const s = (n: number) => `${n.toFixed(1)} s`;
const check = (ok: boolean) => (ok ? '✅' : '❌');

interface UiFigures {
  cold: Record<Lang, Cold>;
  slow: Record<Lang, Cold>;
  warm: { shown: number[]; api: number[]; misses: number; queries: number };
}

async function measureUis(browser: Browser, dist: string, uis: Ui[], warmCount: number): Promise<Partial<Record<Ui, UiFigures>>> {
  const faq = await startServer({ root: dist, compress: true });
  const host = await hostPages(faq.url);
  const faqOrigin = new URL(faq.url).origin;
  const out: Partial<Record<Ui, UiFigures>> = {};
  try {
    for (const ui of uis) {
      const cold = {} as Record<Lang, Cold>;
      const slow = {} as Record<Lang, Cold>;
      for (const lang of LANGS) {
        const runs: Cold[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await coldLookup(browser, host.url, faqOrigin, ui, lang, false));
        cold[lang] = { ...runs[0]!, bytes: median(runs.map((r) => r.bytes)), requests: median(runs.map((r) => r.requests)), ms: median(runs.map((r) => r.ms)) };
        const throttled: Cold[] = [];
        for (let i = 0; i < Math.min(RUNS, 3); i++) throttled.push(await coldLookup(browser, host.url, faqOrigin, ui, lang, true));
        slow[lang] = { ...throttled[0]!, bytes: median(throttled.map((r) => r.bytes)), requests: median(throttled.map((r) => r.requests)), ms: median(throttled.map((r) => r.ms)) };
        console.log(`  ${ui} ${lang}: first lookup ${kib(cold[lang].bytes)} in ${cold[lang].requests} requests, ${ms(cold[lang].ms)} (slow 4G ${ms(slow[lang].ms)})`);
      }
      const warm = { shown: [] as number[], api: [] as number[], misses: 0, queries: 0 };
      if (warmCount > 0) {
        for (const lang of LANGS) {
          const queries = sampleQueries(lang, warmCount);
          const r = await warmLookups(browser, host.url, ui, lang, queries);
          warm.shown.push(...r.shown);
          warm.api.push(...r.api);
          warm.misses += r.misses;
          warm.queries += queries.length;
        }
        console.log(`  ${ui}: warm p50 ${ms(median(warm.shown))}, p95 ${ms(percentile(warm.shown, 95))} over ${warm.queries} queries`);
      }
      out[ui] = { cold, slow, warm };
    }
  } finally {
    host.server.close();
    await faq.close();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const startedAt = new Date();
  const load = loadavg()[0]!;

  console.log('Building the shipped catalogue…');
  const dist = join(WORK, 'dist');
  const build = await astroBuild('faq', dist);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  let offline: Run | null = null;
  if (pkg.scripts['offline']) {
    console.log('Building the offline bundle…');
    offline = await timed('npm', ['run', '--silent', 'offline', '--', `--dist=${dist}`, `--out=${join(WORK, 'offline')}`]);
  }
  const pages = filesIn(dist).filter((f) => f.endsWith('.html')).length;
  const indexBytes = bytesIn(join(dist, 'pagefind'), isIndexFile);
  const pagefindBytes = bytesIn(join(dist, 'pagefind'));
  const widgetGzip = gzipSync(readFileSync(join(dist, 'widget/pos-faq.js')), { level: 9 }).length;
  const zipBytes = offline ? (filesIn(join(WORK, 'offline')).filter((f) => f.endsWith('.zip')).map((f) => statSync(f).size)[0] ?? null) : null;

  const browser = await launch();
  const chromium = await browser.version();
  let uis: Partial<Record<Ui, UiFigures>>;
  const scale: { entries: number; pages: number; build: Run; indexBytes: number; ours: UiFigures | undefined; note?: string }[] = [];
  try {
    console.log('Measuring both lookups on the shipped catalogue…');
    uis = await measureUis(browser, dist, ['ours', 'pagefind'], Number(options.warm));

    for (const size of SIZES) {
      console.log(`Scale run: ${size} entries per language…`);
      const content = join(WORK, `faq-${size}`);
      const out = join(WORK, `dist-${size}`);
      generateCatalogue(size, content);
      const run = await astroBuild(content, out);
      const scalePages = filesIn(out).filter((f) => f.endsWith('.html')).length;
      console.log(`  built ${scalePages} pages in ${s(run.seconds)}, peak ${run.peakMiB?.toFixed(0)} MB`);
      const figures = await measureUis(browser, out, ['ours'], Math.min(Number(options.warm), 30));
      scale.push({ entries: size, pages: scalePages, build: run, indexBytes: bytesIn(join(out, 'pagefind'), isIndexFile), ours: figures.ours });
      rmSync(out, { recursive: true, force: true });
      rmSync(content, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }

  const report = renderReport({
    startedAt,
    load,
    chromium,
    build,
    offline,
    pages,
    indexBytes,
    pagefindBytes,
    widgetGzip,
    zipBytes,
    uis,
    scale,
  });
  console.log(`\n${report}`);
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs/benchmarks.md'), report);
  console.log('Written to docs/benchmarks.md');
}

interface ReportInput {
  startedAt: Date;
  load: number;
  chromium: string;
  build: Run;
  offline: Run | null;
  pages: number;
  indexBytes: number;
  pagefindBytes: number;
  widgetGzip: number;
  zipBytes: number | null;
  uis: Partial<Record<Ui, UiFigures>>;
  scale: { entries: number; pages: number; build: Run; indexBytes: number; ours: UiFigures | undefined }[];
}

function renderReport(r: ReportInput): string {
  const cpu = cpus();
  const ours = r.uis.ours!;
  const theirs = r.uis.pagefind!;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const total = r.build.seconds + (r.offline?.seconds ?? 0);
  const perThousand = (seconds: number, pages: number) => seconds / (pages / 1000);
  const p50 = (xs: number[]) => median(xs);

  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push(
    `Written by \`npm run bench\` (scripts/bench.ts) on ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
      'Figures depend on the machine and on what else it was doing; `npm test` checks no time.',
    '',
  );
  lines.push('## Machine', '');
  lines.push('| | |', '| --- | --- |');
  lines.push(`| CPU | ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores |`);
  lines.push(`| Memory | ${(totalmem() / 1024 ** 3).toFixed(1)} GB (${(freemem() / 1024 ** 3).toFixed(1)} GB free at the end) |`);
  lines.push(`| OS | ${osType()} ${release()} |`);
  lines.push(`| Node.js | ${process.version} |`);
  lines.push(`| Chromium | ${r.chromium}, headless |`);
  lines.push(`| Load average at the start | ${r.load.toFixed(2)} (other builds and tests shared the machine) |`);
  lines.push('');

  lines.push('## Shipped catalogue', '');
  lines.push('| Measure | Result | Target |', '| --- | --- | --- |');
  lines.push(`| Pages built | ${r.pages} | |`);
  lines.push(
    `| Full build: Astro, Pagefind, widget${r.offline ? ', offline bundle' : ''} | ${s(total)} (site ${s(r.build.seconds)}${r.offline ? `, offline ${s(r.offline.seconds)}` : ''}), ${s(perThousand(r.build.seconds, r.pages))} per 1,000 pages | ≤ 15 s per 1,000 pages ${check(perThousand(r.build.seconds, r.pages) <= TARGET.buildSecondsPer1000Pages)} |`,
  );
  lines.push(`| Peak memory of the build | ${r.build.peakMiB === null ? 'n/a' : `${r.build.peakMiB.toFixed(0)} MB`} | |`);
  lines.push(`| Index on disk (both languages, without Pagefind's UI files) | ${mib(r.indexBytes)} (${mib(r.pagefindBytes)} with them) | |`);
  if (r.zipBytes !== null) lines.push(`| Offline bundle zip | ${mib(r.zipBytes)} | |`);
  lines.push(`| Widget, gzip -9 | ${kib(r.widgetGzip)} | ≤ 12 KB ${check(r.widgetGzip <= 12 * 1024)} |`);
  for (const lang of LANGS) {
    const c = ours.cold[lang];
    lines.push(`| First lookup, ${lang} "${FIRST_QUERY[lang]}": bytes | ${kib(c.bytes)} in ${c.requests} requests | ≤ 150 KB ${check(c.bytes <= TARGET.firstLookupBytes)} |`);
    lines.push(`| First lookup, ${lang}: time, loopback / Slow 4G | ${ms(c.ms)} / ${ms(ours.slow[lang].ms)} | |`);
  }
  lines.push(`| Warm lookup, typed → shown, p50 / p95 | ${ms(p50(ours.warm.shown))} / ${ms(percentile(ours.warm.shown, 95))} | p50 ≤ 50 ms ${check(p50(ours.warm.shown) <= TARGET.warmP50Ms)} |`);
  lines.push(`| Warm lookup, \`el.lookup()\`, p50 / p95 | ${ms(p50(ours.warm.api))} / ${ms(percentile(ours.warm.api, 95))} | |`);
  lines.push('');

  lines.push('## Our lookup against Pagefind\'s Default UI', '');
  lines.push(
    'Both on the same index, in the same run, embedded the same way: a host page on one origin, the FAQ site on another, a fresh browser profile for every first lookup. ' +
      'Bytes are everything received from the FAQ origin, headers included, from opening the page until the first results are on screen and the network is quiet (the UI\'s own script and stylesheet count). ' +
      `Times run from the input event to the results on screen, minus each UI's debounce (ours ${DEBOUNCE.ours} ms, Pagefind UI's default ${DEBOUNCE.pagefind} ms). ` +
      `Medians of ${RUNS} cold runs (${Math.min(RUNS, 3)} under Slow 4G: 150 ms RTT, 1.6 Mbit/s); warm figures over ${ours.warm.queries} queries from the relevance set.`,
    '',
  );
  lines.push('| Measure | Ours | Pagefind UI | Ours / theirs |', '| --- | --- | --- | --- |');
  for (const lang of LANGS) {
    lines.push(`| First lookup bytes, ${lang} | ${kib(ours.cold[lang].bytes)} | ${kib(theirs.cold[lang].bytes)} | ${ratio(ours.cold[lang].bytes, theirs.cold[lang].bytes)} |`);
    lines.push(`| First lookup requests, ${lang} | ${ours.cold[lang].requests} | ${theirs.cold[lang].requests} | |`);
    lines.push(`| First lookup time, ${lang}, loopback | ${ms(ours.cold[lang].ms)} | ${ms(theirs.cold[lang].ms)} | ${ratio(ours.cold[lang].ms, theirs.cold[lang].ms)} |`);
    lines.push(`| First lookup time, ${lang}, Slow 4G | ${ms(ours.slow[lang].ms)} | ${ms(theirs.slow[lang].ms)} | ${ratio(ours.slow[lang].ms, theirs.slow[lang].ms)} |`);
  }
  lines.push(`| Warm lookup p50 | ${ms(p50(ours.warm.shown))} | ${ms(p50(theirs.warm.shown))} | ${ratio(p50(ours.warm.shown), p50(theirs.warm.shown))} |`);
  lines.push(`| Warm lookup p95 | ${ms(percentile(ours.warm.shown, 95))} | ${ms(percentile(theirs.warm.shown, 95))} | ${ratio(percentile(ours.warm.shown, 95), percentile(theirs.warm.shown, 95))} |`);
  if (ours.warm.misses || theirs.warm.misses) {
    lines.push(`| Queries that showed nothing within 15 s | ${ours.warm.misses} | ${theirs.warm.misses} | |`);
  }
  lines.push('');

  lines.push('### Where the first lookup\'s bytes go', '');
  lines.push('Bytes on the wire (headers included) by kind of file, one cold run each.', '');
  const kinds = [...new Set(LANGS.flatMap((l) => [...Object.keys(ours.cold[l].kinds), ...Object.keys(theirs.cold[l].kinds)]))];
  lines.push(`| File | ${LANGS.map((l) => `Ours, ${l} | Pagefind UI, ${l}`).join(' | ')} |`);
  lines.push(`| --- | ${LANGS.map(() => '--- | ---').join(' | ')} |`);
  const cell = (n: number | undefined) => (n ? kib(n) : '–');
  for (const kind of kinds) {
    lines.push(`| ${kind} | ${LANGS.map((l) => `${cell(ours.cold[l].kinds[kind])} | ${cell(theirs.cold[l].kinds[kind])}`).join(' | ')} |`);
  }
  lines.push('');

  lines.push('## Scale', '');
  lines.push(
    'Generated catalogues (scripts/bench-catalogue.ts): the real entries plus variants of them for other terminal models, the same number in each language. Our lookup only; the same measurements as above.',
    '',
  );
  lines.push('| Entries per language | Pages | Build | Per 1,000 pages | Peak memory | Index on disk | First lookup bytes (zh / en) | First lookup time, loopback (zh / en) | Warm p50 |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const run of r.scale) {
    const o = run.ours;
    const limit = run.entries >= 10_000 ? TARGET.firstLookupBytesAt10k : undefined;
    const bytes = o ? `${kib(o.cold.zh.bytes)} / ${kib(o.cold.en.bytes)}${limit ? ` ${check(Math.max(o.cold.zh.bytes, o.cold.en.bytes) <= limit)}` : ''}` : 'n/a';
    lines.push(
      `| ${run.entries.toLocaleString('en')} | ${run.pages} | ${s(run.build.seconds)} | ${s(perThousand(run.build.seconds, run.pages))} ${check(perThousand(run.build.seconds, run.pages) <= TARGET.buildSecondsPer1000Pages)} | ${run.build.peakMiB === null ? 'n/a' : `${run.build.peakMiB.toFixed(0)} MB`} | ${mib(run.indexBytes)} | ${bytes} | ${o ? `${ms(o.cold.zh.ms)} / ${ms(o.cold.en.ms)}` : 'n/a'} | ${o ? `${ms(p50(o.warm.shown))} ${check(p50(o.warm.shown) <= TARGET.warmP50Ms)}` : 'n/a'} |`,
    );
  }
  if (!r.scale.length) lines.push('| (not run: `--sizes=`) | | | | | | | | |');
  lines.push('');
  lines.push(
    'Targets: first lookup ≤ 150 KB for the shipped catalogue and ≤ 300 KB at 10,000 entries; warm lookup p50 ≤ 50 ms; build ≤ 15 s per 1,000 pages. ' +
      'Peak memory is the resident memory of the build\'s whole process tree (Node.js and Pagefind\'s binary), sampled every 100 ms.',
    '',
  );
  return `${lines.join('\n')}\n`;
}

await main();
