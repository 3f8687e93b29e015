// No console message of ours or of the browser on any page, in every engine (ENGINES picks some):
// every page of the built site in Chromium, a few tabs at once; in Firefox and WebKit one page of
// every kind in both languages. Each page is held until it has been idle once, so what the app
// does then (the service worker's registration, the precache) is on the record too.
//
// What each engine lets a test see: Chromium and Firefox report the page's console and the
// browser's own notes about it (CSP, failed loads) through CDP and BiDi; the WebKit shell reports
// what the page's scripts write and throw, but WebKitGTK keeps its own notes (such as an
// unrecognized CSP directive) to itself under automation, so those are held by
// tests/site/headers.test.ts, which admits only directives all three engines know.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/static-server.mjs';
import { DIST } from '../helpers/build.ts';
import { engineForSuite } from '../helpers/engine-suite.ts';
import { ENGINES, type EngineName, type Tab } from '../helpers/engines.ts';
import { htmlPaths } from '../helpers/site-pages.ts';
import { TOPICS } from '../../src/schemas/faq.ts';

const SITE = process.env['POS_FAQ_SITE'] ?? DIST;

let server: { url: string; close(): Promise<void> };
beforeAll(async () => {
  server = await startServer({ root: SITE });
});
afterAll(() => server?.close());

/** One page of every kind, in both languages, and the pages outside the languages. */
function everyKind(all: string[]): string[] {
  const first = (re: RegExp) => all.find((p) => re.test(p));
  const kinds = (l: string) => [
    `/${l}/`,
    first(new RegExp(`^/${l}/symptoms/[^/]+/$`)),
    `/${l}/symptoms/`,
    ...TOPICS.map((t) => `/${l}/${t}/`),
    `/${l}/codes/`,
    `/${l}/glossary/`,
    `/${l}/diagnose/`,
    first(new RegExp(`^/${l}/diagnose/[^/]+/$`)),
    `/${l}/card/`,
    `/${l}/search/?q=${l === 'zh' ? '%E7%AD%BE%E5%88%B0' : 'paper'}`,
    `/${l}/embed/`,
    `/${l}/offline/`,
  ];
  // The 404 page by its own address: at an address the site lacks, Chromium rightly notes the 404.
  const pages = ['/', '/404.html', ...kinds('zh'), ...kinds('en')].filter((p): p is string => !!p);
  return pages.filter((p) => all.includes(p.split('?')[0]!));
}

function pagesFor(engine: EngineName): string[] {
  // /admin/ is the editors' CMS (Sveltia, a third-party app that talks to the repository host),
  // not a page for readers: tests/e2e/editors.test.ts holds its console to account.
  const all = htmlPaths(SITE).filter((p) => !p.startsWith('/admin/'));
  return engine === 'chromium' ? [...all, '/zh/search/?q=%E7%AD%BE%E5%88%B0', '/en/search/?q=paper'] : everyKind(all);
}

/**
 * Opens the page and waits until it has loaded and been idle once (a second where Safari has no
 * idle callback); on a page with the lookup widget, also until its fetches have been quiet for a
 * second (the results page searches at once, the homes warm the index up): a fetch cut short by
 * the next navigation is the test's doing, not the page's, and Firefox reports it.
 */
async function visit(tab: Tab, path: string): Promise<void> {
  await tab.goto(new URL(path, server.url).href);
  await tab.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const quiet = (seen = -1, calm = 0): void => {
          const now = performance.getEntriesByType('resource').length;
          if (calm >= 4 || !document.querySelector('script[src*="/widget/pos-faq"]')) return resolve();
          setTimeout(() => quiet(now, now === seen ? calm + 1 : 0), 250);
        };
        const idle = () =>
          'requestIdleCallback' in self ? requestIdleCallback(() => quiet(), { timeout: 3000 }) : setTimeout(quiet, 1000);
        if (document.readyState === 'complete') idle();
        else addEventListener('load', idle, { once: true });
      }),
  );
}

describe.each(ENGINES)('the console in %s', (name) => {
  const engine = engineForSuite(name, 'tests/engines/console.test.ts');

  it('stays empty on every page', { timeout: 600_000 }, async () => {
    const queue = pagesFor(name);
    const total = queue.length;
    const started = Date.now();
    const said: string[] = [];
    // WebKit's driver has one window per session: one tab there.
    const tabs = name === 'chromium' ? 4 : name === 'firefox' ? 2 : 1;
    const worker = async () => {
      const tab = await engine().newTab();
      let seen = 0;
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await visit(tab, path);
        const log = await tab.console();
        said.push(...log.slice(seen).map((line) => `${path} ${line}`));
        seen = log.length;
      }
      await tab.close();
    };
    await Promise.all(Array.from({ length: tabs }, worker));
    // A page that spoke is opened once more in a fresh tab: what it says again is the page's;
    // what it does not (Firefox reporting a fetch that the next navigation cut short, on a
    // loaded machine) is the test's doing and is printed, not failed.
    const spoke = [...new Set(said.map((line) => line.split(' ')[0]!))];
    const kept: string[] = [];
    for (const path of spoke) {
      const tab = await engine().newTab();
      await visit(tab, path);
      kept.push(...(await tab.console()).map((line) => `${path} ${line}`));
      await tab.close();
    }
    const transient = said.filter((line) => !spoke.some((path) => line.startsWith(`${path} `) && kept.some((k) => k.startsWith(`${path} `))));
    console.log(`${name}: ${total} pages in ${((Date.now() - started) / 1000).toFixed(1)} s, ${kept.length} console messages${transient.length ? `; not repeated on a second visit: ${transient.join(' | ')}` : ''}`);
    expect(kept).toEqual([]);
  });
});
