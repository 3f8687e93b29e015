import type { Browser, Page } from 'puppeteer-core';
import { startServer } from '../../scripts/static-server.mjs';
import { launch, recordConsole } from './browser.ts';

export interface Session {
  url: string;
  browser: Browser;
  /** A new page with its console recorded into `log`. */
  open(path: string, viewport?: { width: number; height: number }): Promise<{ page: Page; log: string[] }>;
  close(): Promise<void>;
}

/** Serves a built site with its _headers and starts Chromium: one per test file. */
export async function serveAndLaunch(root: string): Promise<Session> {
  const server = (await startServer({ root })) as { url: string; close(): Promise<void> };
  const browser = await launch();
  return {
    url: server.url,
    browser,
    async open(path, viewport = { width: 1280, height: 900 }) {
      const page = await browser.newPage();
      await page.setViewport(viewport);
      const log = recordConsole(page);
      await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      return { page, log };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
