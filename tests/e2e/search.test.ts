import { isAppScript, isFeedbackScript } from '../helpers/app-script.ts';
// The header search on every page, the results page, and queries as people type them (issue 11,
// "Acceptance"). Engine-agnostic where it can be: real typing through the keyboard, the page's own
// elements, no timing other than waiting for what is shown.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../helpers/build.ts';
import { openOffline, type OfflineSession } from '../helpers/offline.ts';
import { serveAndLaunch, type Session } from '../helpers/serve.ts';

let session: Session;
beforeAll(async () => {
  session = await serveAndLaunch(DIST);
});
afterAll(() => session?.close());

const HEADER = 'search pos-faq-lookup';

/** Opens a page and records every request it makes. */
async function openWithRequests(path: string) {
  const page = await session.browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const { recordConsole } = await import('../helpers/browser.ts');
  const log = recordConsole(page);
  await page.goto(new URL(path, session.url).href, { waitUntil: 'load' });
  return { page, requests, log };
}

/** The header box's text once the widget has it, and the ids of the results it shows. */
async function headerResults(page: Page, first?: string) {
  await page.waitForFunction(
    (sel, first) => {
      const root = document.querySelector(sel)?.shadowRoot;
      const ids = [...(root?.querySelectorAll<HTMLAnchorElement>('[role="option"]') ?? [])].map((a) => a.pathname.split('/').at(-2));
      return ids.length > 0 && (!first || ids[0] === first) && root!.querySelector('[aria-busy="true"]') === null;
    },
    { timeout: 10_000 },
    HEADER,
    first,
  );
  return page.$eval(HEADER, (el) => ({
    text: el.shadowRoot!.querySelector('input')!.value,
    ids: [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[role="option"]')].map((a) => a.pathname.split('/').at(-2)),
    note: [...el.shadowRoot!.querySelectorAll('.pf-note')].map((p) => p.textContent).join(' '),
  }));
}

/** Clears the header widget's box and types into it like a person, one key at a time. */
async function retype(page: Page, text: string) {
  const box = await page.waitForSelector(`${HEADER} >>> input`);
  await box!.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text, { delay: 15 });
}

describe('the header search', () => {
  for (const [locale, path] of [
    ['zh', 'zh/symptoms/paper-jam/'],
    ['en', 'en/symptoms/paper-jam/'],
  ] as const) {
    it(`is a search landmark on an entry page (${locale}) that loads nothing until used, then keeps every typed character`, async () => {
      const { page, requests, log } = await openWithRequests(path);
      expect(await page.$eval('search', (s) => s.getAttribute('aria-label'))).toBeTruthy();
      expect(await page.$eval('search input[name="q"]', (i) => (i as HTMLInputElement).placeholder)).toBeTruthy();
      expect(await page.$eval('html', (h) => h.lang)).toBe(locale === 'zh' ? 'zh-CN' : 'en');
      // Before any interaction: the page, its stylesheet and favicon, the app client every page
      // loads to register the service worker (tests/offline/pwa.test.ts) and the entry's "Did this
      // solve it?" buttons; nothing of the lookup.
      const early = requests.filter(
        (p) => (p.endsWith('.js') && !isAppScript(p) && !isFeedbackScript(p) && p !== '/sw.js') || p.startsWith('/pagefind/'),
      );
      expect(early).toEqual([]);

      // Typed into the plain form box: the first focus loads the widget, which takes over the box
      // while the keys keep coming.
      await page.click('search input[name="q"]');
      await page.keyboard.type('连接超时', { delay: 10 });
      const shown = await headerResults(page, 'network-timeout');
      expect(shown.text).toBe('连接超时');
      expect(requests).toContain('/widget/pos-faq.js');

      await retype(page, '51');
      expect((await headerResults(page, 'insufficient-funds')).text).toBe('51');
      expect(log).toEqual([]);
    });
  }

  it('takes over text typed before the script loaded, and searches it at once', async () => {
    const { page, log } = await openWithRequests('zh/codes/');
    // A value already in the box (typed, or restored by the browser) when the widget arrives.
    await page.$eval('search input[name="q"]', (i) => {
      (i as HTMLInputElement).value = '签到失败';
    });
    await page.focus('search input[name="q"]');
    const shown = await headerResults(page, 'sign-on-failed');
    expect(shown.text).toBe('签到失败');
    // The widget's box has the focus now, with the caret at the end.
    expect(
      await page.$eval(HEADER, (el) => {
        const box = el.shadowRoot!.querySelector('input')!;
        return el.shadowRoot!.activeElement === box && box.selectionStart === box.value.length;
      }),
    ).toBe(true);
    expect(log).toEqual([]);
  });

  it('searches a committed IME word at once, right after focus', async () => {
    const { page, log } = await openWithRequests('en/codes/');
    await page.click('search input[name="q"]');
    await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('input'), {}, HEADER);
    // One input event carrying the whole word, as an input method commits it.
    const started = Date.now();
    await page.keyboard.sendCharacter('连接超时');
    await headerResults(page, 'network-timeout');
    console.log(`header search: IME word → first result in ${Date.now() - started} ms (index loaded during focus)`);
    expect(log).toEqual([]);
  });

  it('opens the results page on Enter, with the query in the address', async () => {
    const { page, log } = await openWithRequests('en/symptoms/paper-jam/');
    await page.click('search input[name="q"]');
    await page.keyboard.type('receipt is blank', { delay: 5 });
    await headerResults(page);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/en/search/');
    expect(url.searchParams.get('q')).toBe('receipt is blank');
    const ids = await resultsPageIds(page);
    expect(ids[0]).toBe('receipt-blank');
    expect(log).toEqual([]);
  });

  it('without JavaScript, submits to the results page, which leads to the catalogue', async () => {
    const page = await session.browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.goto(new URL('zh/symptoms/paper-jam/', session.url).href);
    await page.type('search input[name="q"]', '51');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/zh/search/');
    expect(await page.$$eval('main pos-faq-lookup a', (as) => as.map((a) => a.getAttribute('href')))).toContain('/zh/symptoms/');
  });
});

/** The ids the results page's own box shows. */
async function resultsPageIds(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => (document.querySelector('main pos-faq-lookup')?.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0) > 0,
    { timeout: 10_000 },
  );
  return page.$eval('main pos-faq-lookup', (el) =>
    [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[role="option"]')].map((a) => a.pathname.split('/').at(-2)!),
  );
}

describe('the results page', () => {
  it('lists the sign-on entry first for /zh/search/?q=簽到失敗 (Traditional)', async () => {
    const { page, log } = await openWithRequests(`zh/search/?q=${encodeURIComponent('簽到失敗')}`);
    expect((await resultsPageIds(page))[0]).toBe('sign-on-failed');
    expect(await page.$eval('main pos-faq-lookup', (el) => el.shadowRoot!.querySelector('input')!.value)).toBe('簽到失敗');
    expect(log).toEqual([]);
  });

  it('is the SearchAction of the WebSite in the home page JSON-LD', async () => {
    const { page } = await openWithRequests('zh/');
    const ld = JSON.parse(await page.$eval('script[type="application/ld+json"]', (s) => s.textContent!)) as {
      '@type': string;
      potentialAction: { target: { urlTemplate: string }; 'query-input': string };
    };
    expect(ld['@type']).toBe('WebSite');
    expect(ld.potentialAction.target.urlTemplate).toMatch(/\/zh\/search\/\?q=\{search_term_string\}$/);
    expect(ld.potentialAction['query-input']).toBe('required name=search_term_string');
  });
});

describe('queries as people type them', () => {
  it('corrects a homophone, says so, and goes back to the literal query in one click', async () => {
    const { page, log } = await openWithRequests('zh/codes/');
    await page.click('search input[name="q"]');
    await page.keyboard.type('充正', { delay: 10 });
    const shown = await headerResults(page, 'reversal');
    expect(shown.note).toContain('显示「冲正」的结果');
    await page.click(`${HEADER} >>> .pf-note button`);
    await page.waitForFunction(
      (sel) => !document.querySelector(sel)!.shadowRoot!.querySelector('.pf-note button'),
      {},
      HEADER,
    );
    expect(await page.$eval(HEADER, (el) => el.shadowRoot!.querySelector('input')!.value)).toBe('充正');
    expect(log).toEqual([]);
  });

  it('corrects a misspelling and says so', async () => {
    const { page, log } = await openWithRequests('en/codes/');
    await page.click('search input[name="q"]');
    await page.keyboard.type('recipt is blank', { delay: 5 });
    const shown = await headerResults(page, 'receipt-blank');
    expect(shown.note).toContain('Showing results for receipt is blank');
    expect(log).toEqual([]);
  });

  it('shows a corrected first search together with its note, not before it', async () => {
    // A paste is searched at once, and the note comes with the views chunk, which loads after
    // the first answer: the results must wait for it rather than show unexplained.
    const { page, log } = await openWithRequests('zh/');
    await page.waitForFunction(() => !!document.querySelector('pos-faq-lookup:not(search *)')?.shadowRoot?.querySelector('input'));
    const seen = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const root = document.querySelector('pos-faq-lookup:not(search *)')!.shadowRoot!;
          new MutationObserver((_, observer) => {
            if (!root.querySelector('[role="option"]')) return;
            observer.disconnect();
            resolve(root.querySelector('.pf-note')?.textContent ?? 'no note');
          }).observe(root, { subtree: true, childList: true, characterData: true });
          const input = root.querySelector('input')!;
          input.focus();
          input.value = '签倒失败';
          input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        }),
    );
    expect(seen).toContain('显示「签到失败」的结果');
    expect(log).toEqual([]);
  });

  for (const [path, query, says] of [
    ['zh/codes/', '今天天气怎么样', '没有找到能回答这个问题的条目'],
    ['en/codes/', 'cracked screen after dropping the terminal', 'No entry answers this well'],
  ] as const) {
    it(`says there is no good answer for "${query}" and fires matched: false`, async () => {
      const { page, log } = await openWithRequests(path);
      await page.evaluate(() => {
        (window as unknown as { events: unknown[] }).events = [];
        document.addEventListener('pos-faq-search', (e) => (window as unknown as { events: unknown[] }).events.push((e as CustomEvent).detail));
      });
      await page.click('search input[name="q"]');
      await page.keyboard.sendCharacter(query);
      await page.waitForFunction(() => (window as unknown as { events: unknown[] }).events.length > 0, { timeout: 10_000 });
      const events = await page.evaluate(() => (window as unknown as { events: { query: string; matched: boolean; count: number }[] }).events);
      expect(events.at(-1)).toMatchObject({ query, matched: false });
      const note = await page.$eval(HEADER, (el) => el.shadowRoot!.querySelector('.pf-note')!.textContent);
      expect(note).toContain(says);
      // It offers the guided diagnosis and the catalogue instead.
      const links = await page.$eval(HEADER, (el) => [...el.shadowRoot!.querySelectorAll('.pf-note a')].map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links).toEqual([`/${path.slice(0, 2)}/diagnose/`, `/${path.slice(0, 2)}/symptoms/`]);
      expect(log).toEqual([]);
    });
  }

  it('fires pos-faq-search (bubbling, composed) with matched: true and the count for an answered query', async () => {
    const { page, log } = await openWithRequests('zh/codes/');
    await page.evaluate(() => {
      const w = window as unknown as { got: unknown[] };
      w.got = [];
      document.addEventListener('pos-faq-search', (e) => w.got.push({ detail: (e as CustomEvent).detail, bubbles: e.bubbles, composed: e.composed }));
    });
    await page.click('search input[name="q"]');
    await page.keyboard.sendCharacter('余额不足');
    await page.waitForFunction(() => (window as unknown as { got: unknown[] }).got.length > 0, { timeout: 10_000 });
    const [got] = await page.evaluate(() => (window as unknown as { got: { detail: { count: number } }[] }).got);
    expect(got).toMatchObject({ detail: { query: '余额不足', matched: true, corrected: null }, bubbles: true, composed: true });
    expect(got!.detail.count).toBeGreaterThan(0);
    expect(log).toEqual([]);
  });
});

describe('the offline bundle', () => {
  let offline: OfflineSession;
  beforeAll(async () => {
    offline = await openOffline({ browser: session.browser, path: 'zh/symptoms/paper-jam/index.html' });
  });
  afterAll(() => offline?.close());

  it('has the header search, which answers from file:// as online', async () => {
    const { page } = offline;
    await page.click('search input[name="q"]');
    await page.keyboard.type('簽到失敗', { delay: 10 });
    const shown = await headerResults(page, 'sign-on-failed');
    expect(shown.text).toBe('簽到失敗');
    await retype(page, '充正');
    expect((await headerResults(page, 'reversal')).note).toContain('显示「冲正」的结果');
    expect(offline.log).toEqual([]);
    expect(offline.offsite()).toEqual([]);
  });
});
