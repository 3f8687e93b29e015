// The widget as a vendor embeds it: the FAQ site (dist/, served with its _headers) on one
// origin, a host page on another with a strict CSP, <html lang="de"> and a stylesheet that tries
// to flatten everything. Then the same page when CORS is missing, the site answers 404, or the
// site does not answer at all.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/static-server.mjs';
import { cspDirectives, hostCsp } from '../../src/lib/embed.ts';
import { listen, startHost, type HostOptions, type Origin } from '../helpers/embed-host.ts';
import { launch, recordConsole } from '../helpers/browser.ts';
import { DIST, ROOT } from '../helpers/build.ts';

/** The built site under test: dist/, or another build for a quick check (POS_FAQ_SITE). */
const SITE = process.env['POS_FAQ_SITE'] ?? DIST;

/** An origin that serves the widget but never answers for the index: the timeout case. */
async function startSilentSite(): Promise<Origin & { hanging: Set<import('node:http').ServerResponse> }> {
  const hanging = new Set<import('node:http').ServerResponse>();
  const widget = readFileSync(join(SITE, 'widget/pos-faq.js'));
  const server = createServer((req, res) => {
    if (req.url === '/widget/pos-faq.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Access-Control-Allow-Origin': '*' });
      res.end(widget);
    } else hanging.add(res);
  });
  const origin = await listen(server, '127.0.0.1', { hanging });
  const close = origin.close;
  return {
    ...origin,
    async close() {
      for (const res of hanging) res.destroy();
      await close();
    },
  };
}

let browser: Browser;
let faq: Origin;
let faqWithoutCors: Origin;
let silent: Awaited<ReturnType<typeof startSilentSite>>;
let host: Awaited<ReturnType<typeof startHost>>;

beforeAll(async () => {
  faq = await startServer({ root: SITE });
  faqWithoutCors = await startServer({
    root: SITE,
    transform: (_path, headers) => {
      const { ['Access-Control-Allow-Origin']: _a, ['Cross-Origin-Resource-Policy']: _c, ...rest } = headers;
      return rest;
    },
  });
  for (const o of [faq, faqWithoutCors]) o.url = o.url.replace(/\/$/, '');
  silent = await startSilentSite();
  host = await startHost();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([faq, faqWithoutCors, silent, host].map((o) => o?.close()));
});

/** Serves a host page with these options at a fresh path and opens it; events are recorded from the start. */
async function openHost(options: HostOptions, viewport = { width: 1280, height: 900 }) {
  const path = `/support-${host.pages.size}`;
  host.pages.set(path, options);
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const log = recordConsole(page);
  // Listeners from the test, not from the page: the host's CSP allows no script of its own.
  await page.evaluateOnNewDocument(() => {
    const seen: { type: string; detail: unknown }[] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    for (const type of ['pos-faq-error', 'pos-faq-select']) {
      document.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
    }
  });
  await page.goto(`${host.url}${path}`, { waitUntil: 'load' });
  await page.waitForFunction(() => customElements.get('pos-faq-lookup') !== undefined, { timeout: 10_000 });
  return { page, log };
}

const seen = (page: Page) =>
  page.evaluate(() => (window as unknown as { seen: { type: string; detail: { type?: string; id?: string } }[] }).seen);

async function typeInto(page: Page, text: string): Promise<void> {
  const input = await page.waitForSelector('pos-faq-lookup >>> input');
  await input!.click();
  await input!.type(text, { delay: 30 });
}

async function typeAndWait(page: Page, text: string): Promise<string[]> {
  await typeInto(page, text);
  await page.waitForFunction(
    () => {
      const root = document.querySelector('pos-faq-lookup')?.shadowRoot;
      return (
        root?.querySelector('[role="listbox"]')?.getAttribute('aria-busy') === 'false' &&
        root.querySelector('[role="option"]')
      );
    },
    { timeout: 10_000 },
  );
  return page.$$eval('pos-faq-lookup >>> [role="option"]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
}

/** The error message, once it is shown. */
async function errorText(page: Page, timeout = 10_000): Promise<string> {
  const error = await page.waitForSelector('pos-faq-lookup >>> .pf-error', { timeout });
  return error!.evaluate((e) => e.textContent ?? '');
}

/** The host page still does what it did without the widget: its form field, its links. */
async function expectHostWorks(page: Page): Promise<void> {
  await page.click('#host-input');
  await page.keyboard.type('Terminal');
  expect(await page.$eval('#host-input', (i) => (i as HTMLInputElement).value)).toBe('Terminal');
  await page.click('#host-link');
  expect(await page.evaluate(() => location.hash)).toBe('#kontakt');
  expect(await page.title()).toBe('Händler-Support');
}

/** Console lines that came from the page's code (the browser's own network errors aside). */
const pageLines = (log: string[]) =>
  log.filter((l) => !l.startsWith('requestfailed:') && !/Failed to load resource|blocked by CORS policy/.test(l));

describe('the widget on another origin, under a strict CSP and hostile CSS', () => {
  it('finds the network entry first for 连接超时 in a zh-CN widget on a German page, with an empty console', async () => {
    const { page, log } = await openHost({ faq: faq.url, lang: 'zh-CN' }, { width: 360, height: 740 });
    const hrefs = await typeAndWait(page, '连接超时');
    expect(hrefs[0]).toBe(`${faq.url}/zh/symptoms/network-timeout/`);
    const shown = await page.$eval('pos-faq-lookup >>> [role="option"]', (o) => o.textContent ?? '');
    expect(shown).toContain('谁来处理');
    expect(await page.$eval('pos-faq-lookup >>> [role="status"]', (s) => s.textContent)).toMatch(/^找到 \d+ 条$/);
    // The hostile stylesheet did not reach inside: a normal, thumb-sized box.
    const box = await page.$eval('pos-faq-lookup >>> input', (i) => {
      const style = getComputedStyle(i);
      return {
        height: i.getBoundingClientRect().height,
        font: style.fontSize,
        spacing: style.letterSpacing,
        color: style.color,
      };
    });
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box).toMatchObject({ font: '16.8px', spacing: 'normal' });
    expect(box.color).not.toBe('rgb(255, 0, 0)');
    expect(log).toEqual([]);
  });

  it('resolves lookup("51") to insufficient funds first, in both languages', async () => {
    const { page, log } = await openHost({ faq: faq.url, lang: 'zh-CN' });
    const results = await page.$eval('pos-faq-lookup', (el) =>
      (el as HTMLElement & { lookup(q: string): Promise<{ id: string; url: string; title: string }[]> }).lookup('51'),
    );
    expect(results[0]).toMatchObject({ id: 'insufficient-funds', url: `${faq.url}/zh/symptoms/insufficient-funds/` });
    expect(results[0]!.title).toContain('余额不足');
    const en = await page.$eval('pos-faq-lookup', (el) => {
      el.setAttribute('lang', 'en');
      return (el as HTMLElement & { lookup(q: string): Promise<{ id: string; url: string }[]> }).lookup('51');
    });
    expect(en[0]).toMatchObject({ id: 'insufficient-funds', url: `${faq.url}/en/symptoms/insufficient-funds/` });
    expect(log).toEqual([]);
  });

  it('with open="page", opens the chosen entry on the FAQ site and tells the host first', async () => {
    const { page, log } = await openHost({ faq: faq.url, lang: 'en', attributes: { open: 'page' } });
    const hrefs = await typeAndWait(page, 'receipt blank');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(hrefs[0]);
    expect(log).toEqual([]);
  });

  it('works pinned by Subresource Integrity (the hashed copy, crossorigin)', async () => {
    const manifest = JSON.parse(readFileSync(join(SITE, 'widget/manifest.json'), 'utf8')) as {
      file: string;
      integrity: string;
    };
    const { page, log } = await openHost({ faq: faq.url, lang: 'zh-CN', pinned: manifest });
    expect((await typeAndWait(page, '51'))[0]).toBe(`${faq.url}/zh/symptoms/insufficient-funds/`);
    expect(log).toEqual([]);
  });
});

describe('when the index cannot be loaded, the host page keeps working', () => {
  it('without CORS headers: says so in the widget language, fires pos-faq-error, logs one line', async () => {
    const { page, log } = await openHost({ faq: faqWithoutCors.url, lang: 'zh-CN' });
    await typeInto(page, '连接超时');
    expect(await errorText(page)).toBe('查询服务暂时无法使用。请直接打开 POS 机故障自助指南');
    const link = await page.$eval('pos-faq-lookup >>> .pf-error a', (a) => (a as HTMLAnchorElement).href);
    expect(link).toBe(`${faqWithoutCors.url}/zh/`);
    const events = await seen(page);
    expect(events.map((e) => [e.type, e.detail.type])).toEqual([['pos-faq-error', 'network']]);
    expect(pageLines(log)).toEqual([expect.stringMatching(/^warn: \[pos-faq\] could not load .*pagefind\.js/)]);
    expect(log.filter((l) => l.startsWith('pageerror'))).toEqual([]);
    await expectHostWorks(page);
  });

  it('when the site answers 404: the same, in English', async () => {
    const { page, log } = await openHost({ faq: faq.url, lang: 'en', base: `${faq.url}/moved-away/` });
    await typeInto(page, 'paper');
    expect(await errorText(page)).toBe('The lookup is not available right now. Please open the POS terminal help site');
    expect((await seen(page)).map((e) => e.detail.type)).toEqual(['network']);
    expect(pageLines(log)).toEqual([expect.stringMatching(/^warn: \[pos-faq\] /)]);
    await expectHostWorks(page);
  });

  it('when the site does not answer: gives up after 8 s with type "timeout"', async () => {
    const { page, log } = await openHost({ faq: silent.url, lang: 'zh-CN' });
    const started = Date.now();
    await typeInto(page, '51');
    expect(await errorText(page, 15_000)).toContain('查询服务暂时无法使用');
    expect(Date.now() - started).toBeGreaterThan(7_500);
    expect((await seen(page)).map((e) => e.detail.type)).toEqual(['timeout']);
    expect(pageLines(log)).toEqual(['warn: [pos-faq] the search index did not answer within 8 s']);
    await expectHostWorks(page);
  }, 30_000);

  it("when the host's CSP lacks 'wasm-unsafe-eval': type \"blocked\", and the log says which directive", async () => {
    const csp = `default-src 'self'; script-src ${faq.url}; connect-src ${faq.url}`;
    const { page, log } = await openHost({ faq: faq.url, lang: 'en', csp });
    await typeInto(page, '51');
    await errorText(page);
    expect((await seen(page)).map((e) => e.detail.type)).toEqual(['blocked']);
    expect(log).toEqual([expect.stringMatching(/^warn: \[pos-faq\] .*'wasm-unsafe-eval'/)]);
    await expectHostWorks(page);
  });
});

describe('the documented CSP', () => {
  it('is the policy this test runs the host page under, and the README states it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const directive of cspDirectives('https://FAQ-SITE')) expect(readme).toContain(directive);
    expect(readme).toContain(hostCsp('https://FAQ-SITE'));
  });
});
