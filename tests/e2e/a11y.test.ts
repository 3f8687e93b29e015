import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/schemas/faq.ts';
import { recordConsole } from '../helpers/browser.ts';
import { measureSite } from '../helpers/budgets.ts';
import { DIST } from '../helpers/build.ts';
import { serveAndLaunch, type Session } from '../helpers/serve.ts';
import { sitemapPaths } from '../helpers/site-pages.ts';

/**
 * axe-core on every page of the sitemap (and the 404 page), in light and in dark: WCAG 2.0, 2.1
 * and 2.2 at levels A and AA, and axe's best practices. One browser and one tab for all of them:
 * axe is injected into each new document by the DevTools protocol (so the pages' CSP, which
 * forbids inline scripts, stays on), and each page is checked twice without reloading:
 * light at 1280 px, then dark at 360 px, so every page is also seen at both widths.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const VIEWS = [
  { scheme: 'light', width: 1280, height: 900 },
  { scheme: 'dark', width: 360, height: 740 },
] as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let session: Session;
let page: Page;
let log: string[];
/** Every script and stylesheet the pages loaded, as site paths. */
const loaded = new Set<string>();

beforeAll(async () => {
  session = await serveAndLaunch(DIST);
  page = await session.browser.newPage();
  log = recordConsole(page);
  await page.evaluateOnNewDocument(axeSource);
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') loaded.add(new URL(response.url()).pathname);
  });
});
afterAll(() => session?.close());

/** Runs axe on the page as it is now, in each view; one line per violation and element. */
async function audit(label: string, views: readonly (typeof VIEWS)[number][] = VIEWS): Promise<string[]> {
  const found: string[] = [];
  for (const { scheme, width, height } of views) {
    await page.setViewport({ width, height });
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: scheme },
      // No transition may be caught half-way when the colours change.
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    const violations = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe
          .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
          .then((r) => r.violations),
      TAGS,
    );
    for (const v of violations) {
      for (const node of v.nodes) {
        const why = node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? '';
        found.push(`${label} [${scheme} ${width}px] ${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}. ${why}`);
      }
    }
  }
  return found;
}

/** Opens a site path and waits until the lookup, if the page has one, has drawn its box. */
async function open(path: string): Promise<void> {
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(new URL(path, session.url).href, { waitUntil: 'load' });
  await page.waitForFunction(() => {
    const lookup = document.querySelector('pos-faq-lookup:not(search *)');
    return !lookup || Boolean(lookup.shadowRoot?.querySelector('input'));
  });
}

const sitemap = sitemapPaths(DIST);
const groups = {
  ...Object.fromEntries(LOCALES.map((l) => [l, sitemap.filter((p) => p.startsWith(`/${l}/`))])),
  root: [...sitemap.filter((p) => !LOCALES.some((l) => p.startsWith(`/${l}/`))), '/404.html'],
};

describe('accessibility (axe-core)', () => {
  it.each(Object.entries(groups))('finds no violation on the %s pages, light and dark', async (_, paths) => {
    expect(paths.length).toBeGreaterThan(0);
    const started = Date.now();
    const console0 = log.length;
    const found: string[] = [];
    for (const path of paths) {
      await open(path);
      found.push(...(await audit(path)));
    }
    console.log(`axe: ${paths.length} pages × ${VIEWS.length} views in ${((Date.now() - started) / 1000).toFixed(1)} s, ${found.length} violations`);
    expect(found).toEqual([]);
    // The pages ran under their real CSP: a blocked script or style would show up here.
    expect(log.slice(console0)).toEqual([]);
  }, 600_000);

  it.each(LOCALES)('finds no violation in the open lookup on /%s/, with an option active', async (locale) => {
    const console0 = log.length;
    await open(`/${locale}/`);
    const input = await page.waitForSelector('pos-faq-lookup:not(search *) >>> input');
    await input!.click();
    await input!.type(locale === 'zh' ? '连接超时' : 'timeout');
    await page.waitForSelector('pos-faq-lookup:not(search *) >>> [role="option"]', { timeout: 10_000 });
    const found = await audit(`/${locale}/ with results`);
    await page.keyboard.press('ArrowDown');
    found.push(...(await audit(`/${locale}/ with an active option`)));
    expect(found).toEqual([]);
    expect(log.slice(console0)).toEqual([]);
  }, 120_000);

  it.each(LOCALES)('finds no violation in the header search of an entry page in %s, open with results', async (locale) => {
    const console0 = log.length;
    await open(`/${locale}/symptoms/paper-jam/`);
    await page.click('search input[name="q"]');
    await page.keyboard.type(locale === 'zh' ? '连接超时' : 'timeout');
    await page.waitForSelector('search pos-faq-lookup >>> [role="option"]', { timeout: 10_000 });
    const found = await audit(`/${locale}/symptoms/paper-jam/ with header results`);
    expect(found).toEqual([]);
    expect(log.slice(console0)).toEqual([]);
  }, 120_000);

  it('loaded no script or stylesheet that the size budgets do not count', () => {
    const sizes = measureSite(DIST, LOCALES);
    // The index scripts next to each index (the fold map with the answer measure, the words, the entries' texts) are
    // index data, as Pagefind's chunks and WebAssembly are: measured with the index, not the JS.
    const counted = new Set([
      ...sizes.js.keys(),
      ...sizes.css.keys(),
      ...LOCALES.flatMap((l) => [`/pagefind/${l}/pagefind.js`, `/pagefind/${l}/pos-faq-query.js`, `/pagefind/${l}/pos-faq-words.js`, `/pagefind/${l}/pos-faq-match.js`]),
    ]);
    expect(loaded.size).toBeGreaterThan(0);
    expect([...loaded].filter((p) => !counted.has(p))).toEqual([]);
  });
});
