// Every page in one engine, opened once and held to all the per-page gates at that one visit, a
// few windows side by side (tab-pool.ts); tests/engines/pages-<engine>.test.ts run it, one file per
// engine so that the engines' passes can run beside each other:
// - no console message of ours or of the browser, once the page has loaded and been idle;
// - no sideways scrolling on a 360 px phone (finding 5: the embed guides were 7 px too wide);
// - in Chromium, axe-core (WCAG 2.0 to 2.2, A and AA, and best practices) in dark at 360 px and in
//   light at 1280 px, injected by the DevTools protocol so that the pages' CSP stays on.
// Chromium opens every page; Firefox and WebKit every page that is not an entry, and a few entries
// (tests/helpers/page-checks.ts says which).
//
// What each engine lets a test see of the console: Chromium and Firefox report the page's console
// and the browser's own notes about it (CSP, failed loads) through CDP and BiDi; the WebKit shell
// reports what the page's scripts write and throw, but WebKitGTK keeps its own notes (such as an
// unrecognized CSP directive) to itself under automation, so those are held by
// tests/site/headers.test.ts, which admits only directives all three engines know.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/schemas/faq.ts';
import { startServer } from '../../scripts/static-server.mjs';
import { measureSite } from './budgets.ts';
import { DIST } from './build.ts';
import { engineForSuite } from './engine-suite.ts';
import { DESKTOP, type EngineName, type Tab } from './engine-tab.ts';
import { ENGINES } from './engines.ts';
import { axe, openSettled, overflow, pagesFor, type PageToOpen } from './page-checks.ts';
import { inTabs } from './tab-pool.ts';

const SITE = process.env['POS_FAQ_SITE'] ?? DIST;
const PHONE = { width: 360, height: 740 };
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');


interface Visit {
  path: string;
  console: string[];
  wide: string | null;
  axe: string[];
}

/** The every-page gates in one engine, as a describe block of the calling test file. */
export function everyPage(name: EngineName, half?: Half): void {
  const title = `every page in ${name}${half ? `, ${half === 'zh' ? 'the Chinese half' : 'the rest'}` : ''}`;
  describe.skipIf(!ENGINES.includes(name))(title, () => everyPageIn(name, half));
}

/**
 * Chromium's pass (every page, audited twice) is the longest part of the suite: two files take
 * half each, the Chinese pages and the rest, so that both of Vitest's lanes share it.
 */
type Half = 'zh' | 'rest';
const inHalf = (path: string, half?: Half) => !half || path.startsWith('/zh/') === (half === 'zh');

function everyPageIn(name: EngineName, half?: Half): void {
  const chromium = name === 'chromium';
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    server = await startServer({ root: SITE });
  });
  afterAll(() => server?.close());
  const engine = engineForSuite(name, `tests/engines/pages-${name}${half ? `-${half}` : ''}.test.ts`, chromium ? { preload: axeSource, shortLived: true } : {});
  const pages = pagesFor(name, SITE).filter((p) => inHalf(p.path, half));
  let visits: Visit[] = [];
  let loaded: string[] = [];

  /** Console lines of the tab since its last page. */
  const seen = new WeakMap<Tab, number>();
  async function said(tab: Tab): Promise<string[]> {
    const log = await tab.console();
    const fresh = log.slice(seen.get(tab) ?? 0);
    seen.set(tab, log.length);
    return fresh;
  }

  async function visit(tab: Tab, { path, idle }: PageToOpen): Promise<Visit> {
    const url = new URL(path, server.url).href;
    // The phone first, as most readers come; dark there, so that both schemes are audited.
    await tab.view?.(PHONE, 'dark');
    await openSettled(tab, url, idle);
    const wide = await overflow(tab);
    const found = chromium ? await axe(tab, `${path} [dark 360px]`) : [];
    if (tab.view) {
      await tab.view(DESKTOP, 'light');
      await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      found.push(...(await axe(tab, `${path} [light 1280px]`)));
    }
    return { path, console: (await said(tab)).map((line) => `${path} ${line}`), wide, axe: found };
  }

  beforeAll(async () => {
    const started = Date.now();
    const tabs: Tab[] = [];
    visits = await inTabs(engine(), pages, (tab, page) => {
      if (!tabs.includes(tab)) tabs.push(tab);
      return visit(tab, page);
    }, PHONE);
    loaded = tabs.flatMap((tab) => tab.loaded?.() ?? []);
    console.log(`${name}: ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 900_000);

  it('opens every page it was given', () => {
    expect(pages.length).toBeGreaterThan(chromium ? 150 : 30);
    expect(visits.map((v) => v.path)).toEqual(pages.map((p) => p.path));
  });

  it('scrolls no page sideways at 360 px', () => {
    expect(visits.flatMap((v) => (v.wide ? [`${v.path}: ${v.wide}`] : []))).toEqual([]);
  });

  it('keeps the console empty on every page', { timeout: 120_000 }, async () => {
    const lines = visits.flatMap((v) => v.console);
    // A page that spoke is opened once more in a fresh tab: what it says again is the page's;
    // what it does not (Firefox reporting a fetch that the next navigation cut short, on a
    // loaded machine) is the test's doing and is printed, not failed.
    const spoke = [...new Set(lines.map((line) => line.split(' ')[0]!))];
    const kept: string[] = [];
    for (const path of spoke) {
      const tab = await engine().newTab(PHONE);
      await openSettled(tab, new URL(path, server.url).href);
      kept.push(...(await tab.console()).map((line) => `${path} ${line}`));
      await tab.close();
    }
    const transient = lines.filter((line) => !kept.some((k) => k.split(' ')[0] === line.split(' ')[0]));
    if (transient.length) console.log(`${name}, not repeated on a second visit: ${transient.join(' | ')}`);
    expect(kept).toEqual([]);
  });

  it.runIf(chromium)('finds no axe violation, dark at 360 px and light at 1280 px', () => {
    expect(visits.flatMap((v) => v.axe)).toEqual([]);
  });

  it.runIf(chromium)('loaded no script or stylesheet that the size budgets do not count', () => {
    const sizes = measureSite(SITE, LOCALES);
    // The index scripts next to each index (the fold map with the answer measure, the words, the
    // second reading) are index data, as Pagefind's chunks and WebAssembly are: measured with the
    // index, not the JS.
    const index = ['pagefind.js', 'pos-faq-query.js', 'pos-faq-words.js', 'pos-faq-match.js'];
    const counted = new Set([...sizes.js.keys(), ...sizes.css.keys(), ...LOCALES.flatMap((l) => index.map((f) => `/pagefind/${l}/${f}`))]);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((p) => !counted.has(p))).toEqual([]);
  });
}
