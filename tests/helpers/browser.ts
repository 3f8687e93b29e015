import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's Chromium; CHROME_PATH overrides it on other machines. */
export const CHROME_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

/**
 * Debian's build of Chromium's headless shell (package chromium-headless-shell, the same source
 * and version): the same Blink and V8 without the browser's own layers, about a fifth less CPU
 * for the same test. The tests run in it when it is there (.ci/run installs it), in Chromium
 * otherwise. What the shell lacks are the browser's own features: the install check
 * (Page.getInstallabilityErrors answers nothing there) and the data saver (Save-Data), so the
 * tests of those, and the benchmark, ask for Chromium itself.
 */
const SHELL = process.env['CHROME_SHELL_PATH'] ?? '/usr/bin/chromium-headless-shell';
export const CHROME_SHELL_PATH = existsSync(SHELL) ? SHELL : CHROME_PATH;

/** Which Chromium: the headless shell for tests, or the browser itself where its layers matter. */
export type ChromiumBuild = 'shell' | 'browser';

/** Puppeteer's executable and headless mode for that build. */
export function chromiumBuild(build: ChromiumBuild = 'shell'): { executablePath: string; headless: true | 'shell' } {
  const shell = build === 'shell' && CHROME_SHELL_PATH !== CHROME_PATH;
  return { executablePath: shell ? CHROME_SHELL_PATH : CHROME_PATH, headless: shell ? 'shell' : true };
}

/** Flags that keep Chromium quiet on a machine without network access. */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launch(extra: string[] = [], build: ChromiumBuild = 'shell'): Promise<Browser> {
  return puppeteer.launch({
    ...chromiumBuild(build),
    args: [...CHROME_FLAGS, ...extra],
    userDataDir: mkdtempSync(join(tmpdir(), 'pos-faq-chrome-')),
  });
}

/** Everything the page said on the console or threw, so tests can assert that it stayed empty. */
export function recordConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  page.on('requestfailed', (r) => lines.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return lines;
}
