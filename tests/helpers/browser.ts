import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Debian's Chromium; CHROME_PATH overrides it on other machines. */
export const CHROME_PATH = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

/**
 * Debian's build of Chromium's headless shell (package chromium-headless-shell, the same source
 * and version): the same Blink and V8 without the browser's own layers, about a fifth less CPU
 * for a page opened and audited. The every-page gate uses it when it is there (.ci/run installs
 * it), Chromium otherwise; every other test runs in Chromium itself.
 */
const SHELL = process.env['CHROME_SHELL_PATH'] ?? '/usr/bin/chromium-headless-shell';
export const CHROME_SHELL_PATH = existsSync(SHELL) ? SHELL : CHROME_PATH;

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

export function launch(extra: string[] = []): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
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
