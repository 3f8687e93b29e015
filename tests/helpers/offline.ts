import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { buildOffline, BUNDLE_NAME, type OfflineOptions, type OfflineResult } from '../../src/offline/zip/bundle.ts';
import { launch, recordConsole } from './browser.ts';
import { DIST, FIXTURE_DIST, ROOT } from './build.ts';

/** Where the tests build offline bundles: never the repository's offline/, which is the lead's. */
export const OFFLINE_OUT = resolve(ROOT, 'tests/.out/offline');

const built = new Map<string, Promise<OfflineResult>>();

/** The bundles the global setup builds once per run, for every test file to read (shareBundles). */
const SHARED: Record<string, string> = { site: DIST, fixture: FIXTURE_DIST };
const sharedRecord = (name: string) => join(OFFLINE_OUT, `${name}.json`);

/**
 * Builds the bundles of `dist/` and of the fixture site into `tests/.out/offline/<name>/`, with
 * each result recorded beside it, and says so in POS_FAQ_SHARED_BUNDLES. The global setup calls
 * it once per run, before any test file starts: the files, several at a time, only read them.
 */
export async function shareBundles(): Promise<void> {
  // Bundles that test files built for themselves in earlier runs (offlineBundle's <name>-<pid>):
  // nothing is running yet, and without this they pile up, one per file and run.
  if (existsSync(OFFLINE_OUT))
    for (const dir of readdirSync(OFFLINE_OUT)) if (/-\d+$/.test(dir)) rmSync(join(OFFLINE_OUT, dir), { recursive: true, force: true });
  for (const [name, dist] of Object.entries(SHARED)) {
    if (!existsSync(join(dist, 'index.html'))) continue;
    const result = await buildOffline({ dist, out: join(OFFLINE_OUT, name) });
    writeFileSync(sharedRecord(name), JSON.stringify(result));
  }
  process.env['POS_FAQ_SHARED_BUNDLES'] = '1';
}

/**
 * The offline bundle of a built site (default `dist/`). The bundle of `dist/` or of the fixture
 * site with the default options is the one the global setup built for the whole run; any other
 * is built once per test file into a folder of its own (`tests/.out/offline/<name>-<pid>/`), so
 * that no file swaps a folder under another running beside it.
 */
export function offlineBundle(
  dist = DIST,
  name = dist === FIXTURE_DIST ? 'fixture' : 'site',
  options: OfflineOptions = {},
): Promise<OfflineResult> {
  let pending = built.get(name);
  if (!pending) {
    if (!existsSync(join(dist, 'index.html')))
      throw new Error(`${dist} is not built; run \`npm run build\` (or npm test, which does)`);
    const shared =
      SHARED[name] === dist && !Object.keys(options).length && process.env['POS_FAQ_SHARED_BUNDLES'] && existsSync(sharedRecord(name));
    pending = shared
      ? Promise.resolve(JSON.parse(readFileSync(sharedRecord(name), 'utf8')) as OfflineResult)
      : buildOffline({ ...options, dist, out: join(OFFLINE_OUT, `${name}-${process.pid}`) });
    built.set(name, pending);
  }
  return pending;
}

export interface OfflineSession {
  browser: Browser;
  /** The unpacked bundle opened. */
  folder: string;
  /** A page on the bundle, opened from file:// (the home, `index.html`, unless told otherwise). */
  page: Page;
  /** The console, page errors and failed requests, as recordConsole() gives them. */
  log: string[];
  /** Every URL the page requested, in order: all must be file: URLs. */
  requests: string[];
  /** The requests that were not file: URLs: should stay empty. */
  offsite(): string[];
  /** The file:// URL of a file in the bundle: `url('zh/index.html')`. */
  url(path?: string): string;
  close(): Promise<void>;
}

/**
 * Opens the unpacked offline bundle from file:// in headless Chromium, as a distributor would by
 * double-clicking index.html, with the console and every request recorded. Without `folder`, the
 * bundle of `dist/` is built first (offlineBundle()).
 *
 * For the relevance set: `const s = await openOffline({ path: 'en/index.html' });
 * await topIds(s.page, queries)` (tests/helpers/relevance.ts) runs the widget's `el.lookup()` offline.
 */
export async function openOffline(
  options: { folder?: string; path?: string; viewport?: { width: number; height: number }; browser?: Browser } = {},
): Promise<OfflineSession> {
  const folder = options.folder ?? (await offlineBundle()).folder;
  const url = (path = 'index.html') => pathToFileURL(join(folder, path)).href;
  const browser = options.browser ?? (await launch());
  const page = await browser.newPage();
  await page.setViewport(options.viewport ?? { width: 1280, height: 900 });
  const log = recordConsole(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url(options.path), { waitUntil: 'load' });
  return {
    browser,
    folder,
    page,
    log,
    requests,
    offsite: () => requests.filter((r) => !r.startsWith('file:')),
    url,
    async close() {
      await page.close();
      if (!options.browser) await browser.close();
    },
  };
}

/** The unpacked folder's name inside the zip and next to it. */
export { BUNDLE_NAME };
