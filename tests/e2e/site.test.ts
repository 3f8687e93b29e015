import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../helpers/build.ts';
import { recordConsole } from '../helpers/browser.ts';
import { serveAndLaunch, type Session } from '../helpers/serve.ts';

let session: Session;
beforeAll(async () => {
  session = await serveAndLaunch(DIST);
});
afterAll(() => session?.close());

/** Types like a person into the page's lookup box and returns the result titles' hrefs. */
async function typeIntoLookup(page: Page, text: string): Promise<string[]> {
  const input = await page.waitForSelector('pos-faq-lookup >>> input');
  await input!.click();
  await input!.type(text, { delay: 20 });
  // Until the list answers the whole text: on a loaded machine a pause in typing can search a
  // part of it first ("connection"), whose results show while the rest is searched.
  await page.waitForSelector('pos-faq-lookup >>> [role="listbox"]:not([aria-busy="true"]) [role="option"]', { timeout: 10_000 });
  // Each option is the result's link itself (a[role=option]).
  return page.$$eval('pos-faq-lookup >>> a[role="option"]', (links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}

describe('the site in Chromium', () => {
  it('switches between languages on the same page', async () => {
    const { page, log } = await session.open('zh/codes/');
    expect(await page.$eval('html', (h) => h.lang)).toBe('zh-CN');
    await Promise.all([page.waitForNavigation(), page.click('a.lang-switch')]);
    expect(new URL(page.url()).pathname).toBe('/en/codes/');
    expect(await page.$eval('html', (h) => h.lang)).toBe('en');
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Response codes');
    await Promise.all([page.waitForNavigation(), page.click('a.lang-switch')]);
    expect(new URL(page.url()).pathname).toBe('/zh/codes/');
    expect(log).toEqual([]);
  });

  it('chooses a language at / without JavaScript', async () => {
    const page = await session.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(new URL('/', session.url).href);
    await Promise.all([page.waitForNavigation(), page.click('a[href="/en/"]')]);
    expect(await page.$eval('html', (h) => h.lang)).toBe('en');
  });

  it('finds the network entry first for 连接超时 on /zh/', async () => {
    const { page, log } = await session.open('zh/', { width: 360, height: 740 });
    const results = await typeIntoLookup(page, '连接超时');
    expect(results[0]).toBe('/zh/symptoms/network-timeout/');
    expect(log).toEqual([]);
  });

  it('finds insufficient funds for 51 on /zh/, in Chinese', async () => {
    const { page, log } = await session.open('zh/');
    const results = await typeIntoLookup(page, '51');
    expect(results[0]).toBe('/zh/symptoms/insufficient-funds/');
    expect(await page.$eval('pos-faq-lookup >>> [role="option"] .pf-title', (t) => t.textContent)).toContain('余额不足');
    expect(log).toEqual([]);
  });

  it('finds the network entry first for "connection timeout" on /en/', async () => {
    const { page, log } = await session.open('en/');
    const results = await typeIntoLookup(page, 'connection timeout');
    expect(results[0]).toBe('/en/symptoms/network-timeout/');
    expect(log).toEqual([]);
  });

  it('opens the entry when a result is chosen with the keyboard', async () => {
    const { page, log } = await session.open('en/');
    await typeIntoLookup(page, 'receipt is blank');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/en/symptoms/receipt-blank/');
    expect(log).toEqual([]);
  });

  it('styles the widget under the site CSP when constructed stylesheets are missing (old Safari)', async () => {
    const page = await session.browser.newPage();
    const log = recordConsole(page);
    // As in Safari before 16.4: the widget falls back to a <style> element, which the site's
    // CSP admits by its hash and nothing else.
    await page.evaluateOnNewDocument(() => {
      CSSStyleSheet.prototype.replaceSync = () => {
        throw new TypeError('replaceSync is not supported');
      };
    });
    await page.goto(new URL('/zh/', session.url).href);
    const input = await page.waitForSelector('pos-faq-lookup >>> input');
    expect(await input!.evaluate((el) => getComputedStyle(el).minHeight)).toBe('48px');
    expect(await page.$eval('pos-faq-lookup', (el) => el.shadowRoot!.querySelectorAll('style').length)).toBe(1);
    expect(log).toEqual([]);
  });

  it('asks "Did this solve it?" on an entry page: pos-faq-feedback on the page, a thank-you, nothing sent', async () => {
    const { page, log } = await session.open('en/symptoms/paper-jam/');
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      document.addEventListener('pos-faq-feedback', (e) => seen.push((e as CustomEvent).detail));
    });
    // Nothing the page sends: the browser's own fetch of the web app's icons (/app/, for the
    // manifest) can fall in this window and is not the feedback's doing.
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!new URL(r.url()).pathname.startsWith('/app/')) requests.push(`${r.method()} ${r.url()}`);
    });
    await page.click('[data-feedback] button[data-helpful="false"]');
    expect(await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([
      { id: 'paper-jam', helpful: false, query: '' },
    ]);
    expect(await page.$eval('[data-feedback] .feedback-row', (el) => el.textContent)).toBe('Thank you for telling us.');
    expect(requests).toEqual([]);
    expect(log).toEqual([]);
  });

  it("runs the embed guide's live examples under the site CSP: entry, el.open() and the event log", async () => {
    const { page, log } = await session.open('zh/embed/');
    const title = () => page.$eval('#demo-entry', (el) => el.shadowRoot?.querySelector('.pf-entry h2')?.textContent ?? '');
    await page.waitForFunction(() => document.querySelector('#demo-entry')?.shadowRoot?.querySelector('.pf-entry h2'));
    expect(await title()).toContain('51');
    await page.click('#demo-open');
    await page.waitForFunction(() => document.querySelector('#demo-entry')?.shadowRoot?.querySelector('.pf-entry h2')?.textContent?.includes('A0'));
    expect(await page.$eval('#demo-log', (el) => el.textContent)).toContain('pos-faq-open {"id":');
    expect(log).toEqual([]);
  });
});

