// The three browser engines the tests run in, behind one small interface (engine-tab.ts):
// Chromium and Firefox through puppeteer-core (CDP and WebDriver BiDi), here; WebKitGTK through
// WebKitWebDriver, in webkit.ts. Facts about driving them: README, "Browser engines".
import { execFileSync } from 'node:child_process';
import type { Browser as PBrowser, Page } from 'puppeteer-core';
import { CHROME_PATH, launch } from './browser.ts';
import { DESKTOP, flushed, NO_WASM, poll, type Engine, type EngineName, type LaunchOptions, type Tab } from './engine-tab.ts';
import { launchWebKit } from './webkit.ts';
import { FIREFOX_PATH, launchFirefox } from './firefox-profile.ts';

export type { Engine, EngineName, LaunchOptions, Tab, Viewport } from './engine-tab.ts';
export { offDisk, pageLines } from './engine-tab.ts';
export { ensureDisplay, freePort, spawnTied } from './display.ts';
export { startWebKitDriver, webkitConsoleLine, WEBKIT_DRIVER, WEBKIT_SHELL, type WebKitDriver } from './webkit.ts';

export const ALL_ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** The engines to run: all three, or those named in ENGINES (`ENGINES=firefox npm test`). */
export const ENGINES: EngineName[] = (() => {
  const wanted = (process.env['ENGINES'] ?? '').split(/[\s,]+/).filter(Boolean);
  if (!wanted.length) return [...ALL_ENGINES];
  for (const name of wanted) {
    if (!ALL_ENGINES.includes(name as EngineName)) {
      throw new Error(`ENGINES names "${name}": use chromium, firefox and/or webkit, separated by commas.`);
    }
  }
  return ALL_ENGINES.filter((e) => wanted.includes(e));
})();

/** What each engine here is, from the binaries themselves (for the test report and .ci/run). */
export function engineVersions(): Record<EngineName, string> {
  const out = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'not installed';
    }
  };
  return {
    chromium: out(CHROME_PATH, ['--version']).replace(/ built on .*/, ''),
    firefox: out(FIREFOX_PATH, ['--version']),
    webkit: `WebKitGTK ${out('/usr/bin/python3', [
      '-c',
      "import gi; gi.require_version('WebKit2', '4.1'); from gi.repository import WebKit2 as W; print(f'{W.get_major_version()}.{W.get_minor_version()}.{W.get_micro_version()}')",
    ])}`,
  };
}

export { FIREFOX_PATH };

export async function launchEngine(name: EngineName, options: LaunchOptions = {}): Promise<Engine> {
  return name === 'webkit' ? launchWebKit(options) : launchPuppeteer(name, options);
}

// ---------------------------------------------------------------------------------------------
// Chromium and Firefox: puppeteer-core

async function launchPuppeteer(name: 'chromium' | 'firefox', options: LaunchOptions): Promise<Engine> {
  const preload = [options.noWasm && name === 'chromium' ? NO_WASM : '', options.preload ?? ''].join('\n').trim();
  const browser: PBrowser =
    name === 'chromium'
      ? await launch(options.shortLived ? ['--js-flags=--no-opt --no-maglev'] : [])
      : await launchFirefox(options.noWasm ? { 'javascript.options.wasm': false } : {});
  const version = await browser.version();
  return {
    name,
    version,
    async newTab(viewport = DESKTOP, { firstTab = false, ownWindow = false } = {}) {
      // Only Firefox's first tab lacks system focus; Chromium's first tab is like any other.
      const page =
        firstTab && name === 'firefox'
          ? ((await browser.pages())[0] ?? (await browser.newPage()))
          : await browser.newPage(ownWindow ? { type: 'window' } : {});
      await page.setViewport(viewport);
      if (preload) await page.evaluateOnNewDocument(preload);
      return puppeteerTab(name, page);
    },
    close: () => browser.close(),
  };
}

function puppeteerTab(engine: EngineName, page: Page): Tab {
  const log: string[] = [];
  page.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  const loaded = new Set<string>();
  if (engine === 'chromium') {
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet') loaded.add(new URL(response.url()).pathname);
    });
  }
  const chromiumOnly: Pick<Tab, 'view' | 'loaded'> =
    engine === 'chromium'
      ? {
          async view(viewport, scheme) {
            await page.setViewport(viewport);
            await page.emulateMediaFeatures([
              { name: 'prefers-color-scheme', value: scheme },
              { name: 'prefers-reduced-motion', value: 'reduce' },
            ]);
          },
          loaded: () => [...loaded],
        }
      : {};
  const tab: Tab = {
    ...chromiumOnly,
    engine,
    console: () => flushed(tab, log),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])) as never,
    async waitFor(fn, args, what, timeout = 10_000) {
      return poll(() => page.evaluate(fn as never, ...(args as unknown as never[])) as never, what, timeout);
    },
    waitForUrl: (test, what, timeout = 10_000) =>
      poll(async () => (test(page.url()) ? page.url() : null), what, timeout),
    url: async () => page.url(),
    async click(selector) {
      await page.click(selector);
    },
    async typeInWidget(text) {
      const input = await page.waitForSelector('pos-faq-lookup >>> input', { timeout: 10_000 });
      await input!.click();
      await input!.type(text, { delay: 30 });
    },
    type: (text) => page.keyboard.type(text, { delay: 30 }),
    press: (key) => page.keyboard.press(key),
    async close() {
      await page.close().catch(() => {});
    },
  };
  return tab;
}

