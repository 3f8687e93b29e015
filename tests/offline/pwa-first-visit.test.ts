import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIST } from '../helpers/build.ts';
import { askWorker, controlled, copySite, holdIdle, lookup, precached, runIdle, servePwa, type PwaSession } from '../helpers/pwa.ts';

/**
 * What a first visit costs a phone (README, "What is stored on the phone, and how much"): nothing
 * of the offline copy while the page loads, then only the visited language, and under Save-Data
 * nothing at all until the user searches or saves. Each test starts on a fresh server and profile;
 * the server's own log of requests is what is checked, the worker's fetches included.
 */
const ENTRY = '/zh/symptoms/network-timeout/';

let root: string;
let s: PwaSession;
beforeAll(() => {
  root = copySite(DIST, 'first');
});
beforeEach(async () => {
  // Chromium itself: the headless shell has no data saver (Save-Data), and the first visit is
  // measured in the browser whose requests it counts.
  s = await servePwa(root, 'first', 'browser');
});
afterEach(() => s?.close());

/** Files and bytes of a list of requests, as stored and as a CDN sends them (gzip). */
function weigh(paths: string[]) {
  let bytes = 0;
  let gzip = 0;
  for (const path of new Set(paths)) {
    const clean = path.split('?')[0]!;
    const body = readFileSync(join(root, clean.endsWith('/') ? `${clean}index.html` : clean));
    bytes += body.length;
    gzip += /\.(wasm|pagefind|pf_\w+|png)$/.test(clean) ? body.length : gzipSync(body, { level: 6 }).length;
  }
  return { files: new Set(paths).size, kb: Math.round(bytes / 1024), gzipKb: Math.round(gzip / 1024) };
}

/** Until the network has been quiet for a second: nothing more in flight from page or worker. */
async function quiet(): Promise<void> {
  for (let seen = -1; seen !== s.requests.length; ) {
    seen = s.requests.length;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const registration = (page: Page) => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()));
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const otherLanguage = (paths: string[]) => paths.filter((p) => /^\/(en\/|pagefind\/en\/|widget\/diagnose\/en)/.test(p));

/** Save-Data as Chromium sends it: the request header and navigator.connection.saveData. */
async function saveData(page: Page): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Save-Data': 'on' } });
  await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
}

describe('the first visit', () => {
  it('downloads nothing but the page until it is idle, then the shell of its own language only', async () => {
    const { page, log } = await s.open(ENTRY.slice(1), holdIdle);
    await quiet();
    const loading = [...s.requests];
    // The page and what it names (its stylesheet and script, icon, manifest, and the manifest's
    // icon, which Chromium fetches for its install check): no worker, no index, no other page.
    const named = ['zh/symptoms/network-timeout/index.html', 'app/zh.webmanifest'].map((f) => readFileSync(join(root, f), 'utf8')).join('');
    expect(loading[0]).toBe(ENTRY);
    expect(loading.slice(1).filter((p) => !named.includes(`"${p}"`))).toEqual([]);
    expect(await registration(page)).toBe(false);

    await runIdle(page);
    await controlled(page);
    await quiet();
    const idle = s.requests.slice(loading.length);
    expect(idle).toContain('/sw.js');
    expect(idle.filter((p) => p.startsWith('/pagefind/zh/')).length).toBeGreaterThan(50);
    expect(otherLanguage(idle)).toEqual([]);
    expect((await cacheNames(page)).filter((n) => n.includes('-shell-en'))).toEqual([]);
    console.log(`first visit, ${ENTRY}: the page ${JSON.stringify(weigh(loading))}; when idle ${JSON.stringify(weigh(idle))}`);

    // The first lookup then needs nothing from the network but the page's own answer.
    const before = s.requests.length;
    expect((await lookup(page, '连接超时')).length).toBeGreaterThan(0);
    expect(s.requests.slice(before).filter((p) => !p.startsWith('/widget/') && !p.startsWith('/_astro/'))).toEqual([]);
    expect(log).toEqual([]);
  }, 90_000);
});

describe('pages that ask while the shell is being stored', () => {
  it('fetch each file of the shell once: one store at a time, which later asks wait for', async () => {
    const { page, log } = await s.open(ENTRY.slice(1), holdIdle);
    await quiet();
    const loaded = s.requests.length;
    await runIdle(page);
    // As pages opened in quick succession (or in other tabs) do: three more asks before the
    // first one's store has ended, each answered only when the shell is stored.
    const answers = await Promise.all([1, 2, 3].map(() => askWorker(page, 'precache', 'zh')));
    expect(answers).toEqual([{ precached: true }, { precached: true }, { precached: true }]);
    await precached(page, 'zh');
    await quiet();
    const shell = s.requests.slice(loaded);
    expect(shell.length).toBeGreaterThan(50);
    expect(shell.filter((p, i) => shell.indexOf(p) !== i)).toEqual([]);
    expect(log).toEqual([]);
  }, 90_000);
});

describe('under Save-Data', () => {
  it('stores nothing beyond the pages opened until the user searches, then the language searched', async () => {
    const { page, log } = await s.open(ENTRY.slice(1), saveData);
    expect(await page.evaluate(() => (navigator as Navigator & { connection?: { saveData: boolean } }).connection?.saveData)).toBe(true);
    // Idle, and then some.
    await page.evaluate(() => new Promise((r) => requestIdleCallback(r)));
    await quiet();
    await page.goto(new URL('/zh/', s.url).href, { waitUntil: 'load' });
    await page.evaluate(() => new Promise((r) => requestIdleCallback(r)));
    await quiet();
    expect(s.requests.filter((p) => p === '/sw.js' || p.startsWith('/pagefind/'))).toEqual([]);
    expect(await registration(page)).toBe(false);
    expect(await cacheNames(page)).toEqual([]);
    // "Save for offline use" is there, and says what it does without a size it cannot know yet.
    expect(await page.$eval('[data-save-offline]', (b) => [(b as HTMLButtonElement).disabled, b.textContent])).toEqual([false, '保存以便离线使用']);

    const loaded = s.requests.length;
    expect((await lookup(page, '连接超时')).length).toBeGreaterThan(0);
    await controlled(page);
    await quiet();
    const searched = s.requests.slice(loaded);
    expect(searched).toContain('/sw.js');
    expect(otherLanguage(searched)).toEqual([]);
    console.log(`Save-Data: before a search ${JSON.stringify(weigh(s.requests.slice(0, loaded)))}; with the first search and the shell ${JSON.stringify(weigh(searched))}`);
    expect(log).toEqual([]);
  }, 90_000);

  it('saves a language when "Save for offline use" is pressed', async () => {
    const { page, log } = await s.open('en/', saveData);
    await page.evaluate(() => new Promise((r) => requestIdleCallback(r)));
    await quiet();
    expect(await registration(page)).toBe(false);
    const button = await page.waitForSelector('[data-save-offline]:not([disabled])');
    expect(await button!.evaluate((b) => b.textContent)).toBe('Save for offline use');
    await button!.click();
    await page.waitForSelector('[data-save-offline="done"]', { timeout: 60_000 });
    await precached(page, 'en');
    expect(otherLanguage(s.requests).length).toBeGreaterThan(80);
    expect(s.requests.filter((p) => /^\/(zh\/|pagefind\/zh\/)/.test(p))).toEqual([]);
    console.log(`Save-Data, "Save for offline use" in English: ${JSON.stringify(weigh(s.requests))}`);
    expect(log).toEqual([]);
  }, 90_000);
});
