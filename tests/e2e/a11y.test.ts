import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/schemas/faq.ts';
import { recordConsole } from '../helpers/browser.ts';
import { DIST } from '../helpers/build.ts';
import { AXE_TAGS as TAGS, axeViolations, violationLines } from '../helpers/page-checks.ts';
import { serveAndLaunch, type Session } from '../helpers/serve.ts';

/**
 * axe-core on the lookup open, with results and with an option active, in light at 1280 px and in
 * dark at 360 px; the rules of tests/helpers/every-page.ts, which audits every page as it loads.
 * axe is injected into each new document by the DevTools protocol, so the pages' CSP stays on.
 */
const VIEWS = [
  { scheme: 'light', width: 1280, height: 900 },
  { scheme: 'dark', width: 360, height: 740 },
] as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: Session;
let page: Page;
let log: string[];

beforeAll(async () => {
  session = await serveAndLaunch(DIST);
  page = await session.browser.newPage();
  log = recordConsole(page);
  await page.evaluateOnNewDocument(axeSource);
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
    found.push(...violationLines(await page.evaluate(axeViolations, TAGS), `${label} [${scheme} ${width}px]`));
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

describe('accessibility (axe-core) of the lookup open', () => {
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
});
