import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { indexLocale } from '../../src/integrations/pagefind.ts';
import { buildServiceWorker } from '../../src/offline/pwa/build.ts';
import { SHELL_PAGES } from '../../src/offline/pwa/files.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIST } from '../helpers/build.ts';
import type { Page } from 'puppeteer-core';
import { controlled, copySite, holdIdle, isOfflinePage, lookup, runIdle, servePwa, visit, type PwaSession } from '../helpers/pwa.ts';

/**
 * The installable app (src/offline/pwa/) in Chromium, its network cut through the DevTools
 * protocol (pages and service worker alike) and the server checked to get no request meanwhile.
 */
const pagesOf = (root: string, lang: string): string[] =>
  (readdirSync(join(root, lang), { recursive: true }) as string[])
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `/${lang}/${f.replace(/index\.html$/, '')}`.replace(/\\/g, '/'));

const ENTRY = '/zh/symptoms/network-timeout/';
const UNVISITED = '/zh/symptoms/paper-jam/';
const FIRST = '/zh/symptoms/out-of-paper/';

describe('after one visit', () => {
  let s: PwaSession;
  beforeAll(async () => {
    s = await servePwa(copySite(DIST, 'visit'), 'visit');
  });
  afterAll(() => s?.close());

  it('after one lookup, opens the home, the codes page, entries opened before and a lookup offline; an unvisited entry gets the offline page', async () => {
    // The first page of all is an entry, loaded before any worker: it is stored all the same.
    // Its idle time is held back, so what follows comes of the one lookup alone.
    const { page, log } = await s.open(FIRST.slice(1), holdIdle);
    expect((await lookup(page, '连接超时')).length).toBeGreaterThan(0);
    await controlled(page);
    expect(await visit(page, s.url, ENTRY)).toBe(200);

    await s.offline(true);
    const before = s.requests.length;
    // The glossary and the quick card come from other parts of the site: checked once they exist.
    const later = ['/zh/glossary/', '/zh/card/'].filter((p) => existsSync(join(DIST, p, 'index.html')));
    for (const path of ['/zh/', '/zh/codes/', '/zh/symptoms/', '/zh/diagnose/', '/zh/search/?q=%E7%AD%BE%E5%88%B0', ...later, ENTRY, FIRST]) {
      expect(await visit(page, s.url, path), path).toBe(200);
      expect(await isOfflinePage(page), path).toBe(false);
    }
    await visit(page, s.url, '/zh/');
    expect((await lookup(page, '连接超时')).length).toBeGreaterThan(0);

    expect(await visit(page, s.url, UNVISITED)).toBe(200);
    expect(await isOfflinePage(page)).toBe(true);
    expect(await page.$eval('html', (h) => h.lang)).toBe('zh-CN');
    expect(new URL(page.url()).pathname).toBe(UNVISITED);
    // It lists what is stored, the entry opened before among it, and offers the lookup.
    const saved = await page.$$eval('[data-offline-saved] a', (links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(saved).toContain(ENTRY);
    expect((await lookup(page, '打印纸')).length).toBeGreaterThan(0);

    // English was never visited, so nothing of it is stored: its pages get the Chinese offline page.
    await visit(page, s.url, '/en/codes/');
    expect(await isOfflinePage(page)).toBe(true);
    expect(s.requests.slice(before)).toEqual([]);

    // Once an English page has been opened online and been idle, English works offline as Chinese does.
    await s.offline(false);
    await visit(page, s.url, '/en/');
    await runIdle(page);
    await controlled(page);
    await s.offline(true);
    const after = s.requests.length;
    for (const path of ['/en/', '/en/codes/']) {
      expect(await visit(page, s.url, path), path).toBe(200);
      expect(await isOfflinePage(page), path).toBe(false);
    }
    await visit(page, s.url, '/en/symptoms/paper-jam/');
    expect(await isOfflinePage(page)).toBe(true);
    expect(await page.$eval('html', (h) => h.lang)).toBe('en');
    expect(s.requests.slice(after)).toEqual([]);
    await s.offline(false);
    expect(log.filter((l) => !l.startsWith('requestfailed'))).toEqual([]);
  }, 90_000);
});

/**
 * Saving is timed at about a second on a loaded two-core machine (118 pages, 1.3 MB); a test gets
 * a minute, and each wait for the worker half of that, so a hang fails with the step that hung.
 */
const SAVE_WAIT = 30_000;
const SAVE_TEST = 60_000;

describe('save for offline use', () => {
  let s: PwaSession;
  let root: string;
  beforeAll(() => {
    root = copySite(DIST, 'save');
  });
  // Each test gets its own server (so its own origin) and browser profile: nothing stored, no
  // quota override, no network cut carried over from another test, even one that failed.
  beforeEach(async () => {
    s = await servePwa(root, 'save');
  });
  afterEach(() => s?.close());

  it('says how large, stores every page of the language with progress, and can be undone', async () => {
    const { page, log } = await s.open('en/');
    await controlled(page);
    const button = await page.waitForSelector('[data-save-offline="ready"]', { timeout: 20_000 });
    expect(await button!.evaluate((b) => b.textContent)).toMatch(/^Save for offline use \(about \d+\.\d MB\)$/);
    // Everything the control says on the way, recorded in the page.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
      const status = document.querySelector('[data-save-status]')!;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await button!.click();
    await page.waitForSelector('[data-save-offline="done"]', { timeout: SAVE_WAIT });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.filter((t) => /^Saving: \d+ of \d+ pages$/.test(t)).length).toBeGreaterThan(10);
    expect(await page.$eval('[data-save-status]', (p) => p.textContent)).toMatch(/^Saved \d+ pages/);
    expect(await page.$eval('[data-save-offline]', (b) => b.textContent)).toBe('Saved on this device');

    await s.offline(true);
    const before = s.requests.length;
    const pages = pagesOf(root, 'en').filter((p) => p !== '/en/offline/');
    expect(pages.length).toBeGreaterThan(80);
    // Every page is in the saved cache, whole (the bytes of the built file); a spread of them,
    // the first and the last included, is opened as a navigation through the worker. (Opening all
    // 117 took 16–24 s on a loaded machine, against about 1 s for the save itself.)
    const shell = SHELL_PAGES.map((p) => `/en/${p}`);
    const precached = (p: string) => shell.includes(p) || p.startsWith('/en/diagnose/');
    const sizes = Object.fromEntries(pages.map((p) => [p, statSync(join(root, p, 'index.html')).size]));
    const stored = await page.evaluate(async (paths: string[]) => {
      const name = (await caches.keys()).find((n) => n.startsWith('pos-faq-saved-en-'));
      const cache = name ? await caches.open(name) : null;
      return Object.fromEntries(
        await Promise.all(paths.map(async (p) => {
          const r = await cache?.match(p);
          return [p, r?.status === 200 ? (await r.arrayBuffer()).byteLength : (r?.status ?? 0)];
        })),
      );
    }, pages.filter((p) => !precached(p)));
    expect(stored).toEqual(Object.fromEntries(Object.keys(stored).map((p) => [p, sizes[p]])));
    expect(Object.keys(stored).length).toBeGreaterThan(80);
    expect(await s.missing(pages.filter((_, i) => i % 10 === 0 || i === pages.length - 1))).toEqual([]);
    expect(s.requests.slice(before)).toEqual([]);

    // Undo: the saved pages go, the ones precached stay.
    await visit(page, s.url, '/en/');
    await (await page.waitForSelector('[data-save-remove]:not([hidden])'))!.click();
    await page.waitForSelector('[data-save-offline="ready"]');
    expect(await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('pos-faq-saved-')))).toEqual([]);
    await visit(page, s.url, '/en/symptoms/paper-jam/');
    expect(await isOfflinePage(page)).toBe(true);
    await visit(page, s.url, '/en/codes/');
    expect(await isOfflinePage(page)).toBe(false);
    await s.offline(false);
    expect(log.filter((l) => !l.startsWith('requestfailed'))).toEqual([]);
  }, SAVE_TEST);

  it('reports storage the browser cannot give, and pages it has evicted', async () => {
    const { page } = await s.open('zh/');
    await controlled(page);
    await page.waitForSelector('[data-save-offline="ready"]', { timeout: 20_000 });
    // Too little room: said before anything is fetched when navigator.storage.estimate() shows it,
    // else when the browser refuses a page (QuotaExceededError), and then nothing half-saved stays.
    const cdp = await page.createCDPSession();
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(s.url).origin, quotaSize: usage + 100_000 });
    await page.click('[data-save-offline]');
    await page.waitForSelector('[data-save-offline="error"]');
    expect(await page.$eval('[data-save-status]', (p) => p.textContent)).toMatch(/^(存储空间不足：需要约 \d+\.\d MB|浏览器拒绝保存)/);
    expect(await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('pos-faq-saved-zh-')))).toEqual([]);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(s.url).origin });

    // Saved, then evicted (here: its cache deleted): the home says so, and offers to save again.
    await page.click('[data-save-offline]');
    await page.waitForSelector('[data-save-offline="done"]', { timeout: SAVE_WAIT });
    await page.evaluate(async () => {
      for (const name of await caches.keys()) if (name.startsWith('pos-faq-saved-zh-')) await caches.delete(name);
    });
    await visit(page, s.url, '/zh/');
    await page.waitForSelector('[data-save-offline="ready"]', { timeout: 20_000 });
    expect(await page.$eval('[data-save-status]', (p) => p.textContent)).toBe('浏览器已删除你之前保存的页面。如需离线使用，请重新保存。');
  }, SAVE_TEST);

  it('says the browser refused when it turns pages down during the save (QuotaExceededError), and keeps none', async () => {
    // navigator.storage.estimate() can promise room the browser then refuses (other tabs, other
    // sites, eviction rules): the page is told there is plenty, the origin's real quota is tiny.
    const { page } = await s.open('zh/');
    await controlled(page);
    await page.evaluate(() => {
      Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ usage: 0, quota: 1e12 }) });
    });
    await page.waitForSelector('[data-save-offline="ready"]', { timeout: 20_000 });
    const cdp = await page.createCDPSession();
    const real = await cdp.send('Storage.getUsageAndQuota', { origin: new URL(s.url).origin });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(s.url).origin, quotaSize: real.usage + 100_000 });
    await page.click('[data-save-offline]');
    await page.waitForSelector('[data-save-offline="error"]', { timeout: SAVE_WAIT });
    expect(await page.$eval('[data-save-status]', (p) => p.textContent)).toMatch(/^浏览器拒绝保存/);
    expect(await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('pos-faq-saved-zh-')))).toEqual([]);
  }, SAVE_TEST);
});

/** Which build the page shown comes from: B pages carry a marker (nextDeploy). */
const build = (page: Page) => page.evaluate(() => document.querySelector('meta[name="test-build"]')?.getAttribute('content') ?? 'A');

/**
 * The next deploy: every page marked as build B, one entry with a new word, the Chinese index
 * rebuilt (new hashed chunks, same stable names) and the worker rebuilt from that.
 */
async function nextDeploy(root: string): Promise<void> {
  for (const path of [...pagesOf(root, 'zh'), ...pagesOf(root, 'en'), '/']) {
    const file = join(root, path, 'index.html');
    let html = readFileSync(file, 'utf8').replace('<head>', '<head><meta name="test-build" content="B">');
    if (path === ENTRY) html = html.replace('</h1>', '</h1><p>斑马峡湾 zebrafjord</p>');
    writeFileSync(file, html);
  }
  rmSync(join(root, 'pagefind/zh'), { recursive: true });
  await indexLocale(root, 'zh');
  await pagefind.close();
  await buildServiceWorker(root);
}

describe('a new deploy', () => {
  let s: PwaSession;
  let b: string;
  beforeAll(async () => {
    b = copySite(DIST, 'deploy-b');
    await nextDeploy(b);
    s = await servePwa(copySite(DIST, 'deploy-a'), 'deploy');
  });
  afterAll(() => s?.close());

  it('reaches the user on the next load, never half of it, and carries over the pages stored', async () => {
    const { page, log } = await s.open('zh/');
    await controlled(page);
    await visit(page, s.url, ENTRY);
    await visit(page, s.url, '/zh/');
    expect(await lookup(page, 'zebrafjord')).toEqual([]);

    s.deploy(b);
    // The first load after the deploy: all of build A, the page and the index, while the browser
    // installs build B beside it; then the notice.
    await visit(page, s.url, '/zh/');
    expect(await build(page)).toBe('A');
    await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)), { timeout: 30_000 });
    await page.waitForSelector('[data-sw-update]:not([hidden])');
    expect(await lookup(page, 'zebrafjord')).toEqual([]);

    // The next load: all of build B.
    await visit(page, s.url, '/zh/');
    expect(await build(page)).toBe('B');
    expect(await page.$eval('[data-sw-update]', (n) => (n as HTMLElement).hidden)).toBe(true);
    expect(await lookup(page, 'zebrafjord')).toEqual([ENTRY]);

    // Offline, the entry opened under build A now comes from build B.
    await s.offline(true);
    await visit(page, s.url, ENTRY);
    expect(await isOfflinePage(page)).toBe(false);
    expect(await build(page)).toBe('B');
    expect(await page.content()).toContain('zebrafjord');
    await s.offline(false);
    expect(log.filter((l) => !l.startsWith('requestfailed'))).toEqual([]);
  });
});

describe('the update notice', () => {
  let s: PwaSession;
  let b: string;
  beforeAll(async () => {
    b = copySite(DIST, 'notice-b');
    await nextDeploy(b);
    s = await servePwa(copySite(DIST, 'notice-a'), 'notice');
  });
  afterAll(() => s?.close());

  it('"Update now" loads the new build into the page at once', async () => {
    const { page, log } = await s.open('zh/codes/');
    await controlled(page);
    s.deploy(b);
    await visit(page, s.url, '/zh/codes/');
    expect(await build(page)).toBe('A');
    const button = await page.waitForSelector('[data-sw-update]:not([hidden]) button', { timeout: 30_000 });
    expect(await page.$eval('[data-sw-update]', (n) => n.textContent?.trim())).toMatch(/^本指南有新版本/);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button!.click()]);
    expect(new URL(page.url()).pathname).toBe('/zh/codes/');
    expect(await build(page)).toBe('B');
    expect(log.filter((l) => !l.startsWith('requestfailed'))).toEqual([]);
  });
});
