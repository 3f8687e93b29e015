import { cpSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page, Target } from 'puppeteer-core';
import { startServer } from '../../scripts/static-server.mjs';
import { launch, recordConsole, type ChromiumBuild } from './browser.ts';
import { ROOT } from './build.ts';

export const PWA_OUT = resolve(ROOT, 'tests/.out/pwa');

/** A copy of a built site under tests/.out/pwa/<name>/, to be changed and served. */
export function copySite(from: string, name: string): string {
  const to = join(PWA_OUT, name);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(PWA_OUT, { recursive: true });
  cpSync(from, to, { recursive: true });
  return to;
}

export interface PwaSession {
  url: string;
  browser: Browser;
  /** Requests the server answered: a test cuts the network and checks none arrive. */
  requests: string[];
  /** Opens a path in a new tab; `setup` runs on the tab first (emulation, scripts to preload). */
  open(path: string, setup?: (page: Page) => Promise<unknown>): Promise<{ page: Page; log: string[] }>;
  /**
   * Opens each path in the browser (as navigations, so through the worker's navigation route),
   * a few tabs at a time with the pages' scripts off, and returns those that were not answered
   * with the page itself (`path status`, or `path offline page`).
   */
  missing(paths: string[], tabs?: number): Promise<string[]>;
  /** Serves another folder from the same address, as a deploy does. */
  deploy(root: string): void;
  /** Cuts (or restores) the network of every page and service worker through the DevTools protocol. */
  offline(value: boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves `root` through a symbolic link (tests/.out/pwa/<name>-live), so that `deploy` swaps the
 * whole site in one rename while the address, and so the service worker's origin, stays; and
 * starts Chromium with a profile of its own (the headless shell unless `build` asks for the
 * browser, whose install check and data saver the shell lacks).
 */
export async function servePwa(root: string, name: string, build: ChromiumBuild = 'shell'): Promise<PwaSession> {
  const live = join(PWA_OUT, `${name}-live`);
  const link = (target: string) => {
    const next = `${live}.next`;
    rmSync(next, { force: true });
    symlinkSync(target, next);
    renameSync(next, live);
  };
  link(root);
  const requests: string[] = [];
  const server = (await startServer({
    root: live,
    transform: (path: string, headers: Record<string, string>) => {
      requests.push(path);
      return headers;
    },
  })) as { url: string; close(): Promise<void> };
  const browser = await launch([], build);
  let cut = false;
  const sessions = new Map<Target, CDPSession>();
  const conditions = () => ({ offline: cut, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  const apply = async () => {
    for (const target of browser.targets()) {
      if (!['page', 'service_worker'].includes(target.type())) continue;
      let session = sessions.get(target);
      if (!session) {
        session = await target.createCDPSession().catch(() => undefined);
        if (!session) continue;
        sessions.set(target, session);
        await session.send('Network.enable').catch(() => {});
      }
      await session.send('Network.emulateNetworkConditions', conditions()).catch(() => {});
    }
  };
  // A worker started while the network is cut (a new one, or one woken up) is cut at once.
  browser.on('targetcreated', () => void (cut && apply()));
  return {
    url: server.url,
    browser,
    requests,
    async open(path, setup) {
      const page = await browser.newPage();
      const log = recordConsole(page);
      await setup?.(page);
      if (cut) await apply();
      await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      return { page, log };
    },
    async missing(paths, tabs = 4) {
      const queue = [...paths];
      const out: string[] = [];
      const tab = async () => {
        const page = await browser.newPage();
        await page.setJavaScriptEnabled(false);
        await apply();
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'domcontentloaded' });
          const status = response?.status() ?? 0;
          if (status !== 200) out.push(`${path} ${status}`);
          else if (await isOfflinePage(page)) out.push(`${path} offline page`);
        }
        await page.close();
      };
      await Promise.all(Array.from({ length: Math.min(tabs, paths.length) }, tab));
      return out.sort();
    },
    deploy(next) {
      if (!existsSync(join(next, 'sw.js'))) throw new Error(`${next} has no sw.js`);
      link(next);
    },
    async offline(value) {
      cut = value;
      await apply();
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Waits until the page is controlled by an active service worker and the worker has precached
 * the page's language (which the page asks for once it is idle or has searched).
 */
export async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 30_000 });
  await precached(page, await page.$eval('html', (h) => h.lang.slice(0, 2)));
}

/** Asks the active worker about a language, as the pages do (sw.ts, `message`): its first answer. */
export const askWorker = <T>(page: Page, type: string, lang: string) =>
  page.evaluate(
    async (type, lang) => {
      const { active } = await navigator.serviceWorker.ready;
      return new Promise<T>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data);
        active!.postMessage({ type, lang }, [channel.port2]);
      });
    },
    type,
    lang,
  );

/** What the worker says of a language (sw.ts, `status`). */
export const workerStatus = (page: Page, lang: string) =>
  askWorker<{ precached: boolean; saved: number; total: number }>(page, 'status', lang);

/** Waits until every file of a language's shell is stored. */
export async function precached(page: Page, lang: string): Promise<void> {
  for (const end = Date.now() + 30_000; !(await workerStatus(page, lang)).precached; ) {
    if (Date.now() > end) throw new Error(`the ${lang} shell was not precached within 30 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Holds back the page's idle callbacks (set up before it loads) until `runIdle` lets them run. */
export const holdIdle = (page: Page) =>
  page.evaluateOnNewDocument(() => {
    const held: IdleRequestCallback[] = ((window as unknown as { heldIdle: IdleRequestCallback[] }).heldIdle = []);
    window.requestIdleCallback = (f) => held.push(f);
  });
export const runIdle = (page: Page) =>
  page.evaluate(() => {
    for (const f of (window as unknown as { heldIdle: IdleRequestCallback[] }).heldIdle.splice(0)) f({ didTimeout: false, timeRemaining: () => 50 });
  });

/**
 * Goes to a path and returns the status. When a newer worker takes over, the old one answers
 * with an empty `Refresh` and the browser loads the page again: this waits for that page.
 */
export async function visit(page: Page, base: string, path: string): Promise<number> {
  const response = await page.goto(new URL(path, base).href, { waitUntil: 'load' });
  if (response?.headers()['refresh'] === undefined) return response?.status() ?? 0;
  // Polled on a timer, not on animation frames, which a busy or hidden tab may hold back.
  const shown = () => document.readyState === 'complete' && document.querySelector('main') !== null;
  await page.waitForFunction(shown, { timeout: 40_000, polling: 100 }).catch(async (error: Error) => {
    const state = await page
      .evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return `${location.href}, ${document.readyState}, workers: active ${r?.active?.state}, waiting ${r?.waiting?.state}, installing ${r?.installing?.state}`;
      })
      .catch((e: Error) => e.message);
    throw new Error(`after the Refresh handover, no page came within 40 s (${state}): ${error.message}`);
  });
  return 200;
}

/** True when the page shown is the site's offline page. */
export const isOfflinePage = (page: Page) => page.evaluate(() => document.querySelector('[data-offline-page]') !== null);

/** Types into the page's lookup and returns the result links' paths ([] when it says there are none). */
export async function lookup(page: Page, text: string): Promise<string[]> {
  const input = await page.waitForSelector('pos-faq-lookup >>> input');
  await input!.click();
  await input!.type(text, { delay: 10 });
  await page.waitForSelector('pos-faq-lookup >>> [role="option"], pos-faq-lookup >>> .pf-note', { timeout: 15_000 });
  return page.$$eval('pos-faq-lookup >>> a[role="option"]', (links) => links.map((a) => (a as HTMLAnchorElement).pathname));
}
