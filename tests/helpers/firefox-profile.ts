// Firefox sets a new profile up at every start (its add-ons list, certificate stores, startup
// cache): about 6 CPU seconds a launch here, and `npm test` launches it nine times. From a copy of a
// profile it has already set up once it starts in about 3.5 (measured 7 December 2026). That
// profile is made once per checkout (tests/.out/firefox-profile/), before the parts of `npm test`
// start side by side; each launch gets its own copy, removed when the browser closes. Puppeteer
// still writes its preferences (and a test's own) into every copy, as it does into a fresh profile.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions } from 'puppeteer-core';

export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
const SET_UP = resolve(import.meta.dirname, '../.out/firefox-profile');
const READY = join(SET_UP, 'pos-faq-ready');

/**
 * Puppeteer's options for Debian's Firefox with a profile folder (or a fresh profile) and
 * preferences. Puppeteer's own preferences turn off the strict origin policy for file:// pages;
 * a real user has it on, which matters to the offline bundle, so it is on here.
 */
export function firefoxLaunchOptions(userDataDir?: string, prefs: Record<string, unknown> = {}): LaunchOptions {
  return {
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    ...(userDataDir && { userDataDir }),
    extraPrefsFirefox: { 'security.fileuri.strict_origin_policy': true, ...prefs },
  };
}

/** Makes the set-up profile unless there is one for this Firefox (a newer Firefox gets a new one). */
export async function prepareFirefoxProfile(): Promise<void> {
  const version = execFileSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8' }).trim();
  if (existsSync(READY) && readFileSync(READY, 'utf8') === version) return;
  rmSync(SET_UP, { recursive: true, force: true });
  mkdirSync(SET_UP, { recursive: true });
  const browser = await puppeteer.launch(firefoxLaunchOptions(SET_UP));
  await (await browser.newPage()).goto('about:blank');
  await browser.close();
  writeFileSync(READY, version);
}

/** A copy of the set-up profile for one launch, or none when it has not been made (Firefox then makes a fresh one). */
export function firefoxProfileCopy(): { dir: string; remove(): void } | undefined {
  if (!existsSync(READY)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'pos-faq-firefox-'));
  cpSync(SET_UP, dir, { recursive: true });
  const remove = () => {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // Left in the system's temporary folder if Firefox still writes to it: no test fails for that.
    }
  };
  return { dir, remove };
}

/** Puppeteer's launch of Debian's Firefox, from a copy of the set-up profile when there is one. */
export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<Browser> {
  const copy = firefoxProfileCopy();
  const browser = await puppeteer.launch(firefoxLaunchOptions(copy?.dir, prefs));
  if (copy) {
    const close = browser.close.bind(browser);
    browser.close = async () => {
      await close();
      copy.remove();
    };
  }
  return browser;
}
