import { cpSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page, Target } from 'puppeteer-core';
import { startServer } from '../../scripts/static-server.mjs';
import { launch, recordConsole } from './browser.ts';
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
  open(path: string): Promise<{ page: Page; log: string[] }>;
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
 * starts Chromium with a profile of its own.
 */
export async function servePwa(root: string, name: string): Promise<PwaSession> {
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
  const browser = await launch();
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
    async open(path) {
      const page = await browser.newPage();
      const log = recordConsole(page);
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

/** Waits until the page is controlled by an active service worker. */
export async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 20_000 });
}

/**
 * Goes to a path and returns the status. When a newer worker takes over, the old one answers
 * with an empty `Refresh: 0` and the browser loads the page again: this waits for that page.
 */
export async function visit(page: Page, base: string, path: string): Promise<number> {
  const response = await page.goto(new URL(path, base).href, { waitUntil: 'load' });
  if (response?.headers()['refresh'] === undefined) return response?.status() ?? 0;
  await page.waitForFunction(() => document.readyState === 'complete' && document.querySelector('main') !== null, { timeout: 20_000 });
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
