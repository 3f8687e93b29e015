// What the every-page gate (tests/engines/pages.test.ts) does in each page: which pages each
// engine opens, waiting until a page has settled, the 360 px check and the axe audit. Functions
// passed to `tab.evaluate` run in the page and must be self-contained.
import { statSync } from 'node:fs';
import { TOPICS } from '../../src/schemas/faq.ts';
import type { EngineName, Tab } from './engine-tab.ts';
import { fileForPath, htmlPaths, sitemapPaths } from './site-pages.ts';

/** The results page with a query, which searches as it loads: a page of its own for the gates. */
export const SEARCHES = ['/zh/search/?q=%E7%AD%BE%E5%88%B0', '/en/search/?q=paper'];

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
    `/${l}/embed/`,
    `/${l}/offline/`,
  ];
  return ['/', '/404.html', ...kinds('zh'), ...kinds('en')].filter((p): p is string => !!p && all.includes(p));
}

export interface PageToOpen {
  path: string;
  /** Held until idle, for the console's sake; otherwise only until fonts and lookup are drawn. */
  idle: boolean;
}

/**
 * The pages an engine opens. Chromium: every page the site has (the sitemap's and the rest, such
 * as the 404 page), each held until idle. Firefox and WebKit: every page that is not an entry
 * (entries share one template) and the three longest entries of each language (the widest tables
 * and code blocks are there); one page of every kind is held until idle (WebKit has no idle
 * callback: a second each). Both: the results pages with a query. Never the editors' form
 * (/admin/): its layout and console are Sveltia CMS's, and tests/e2e/editors.test.ts loads it.
 */
export function pagesFor(engine: EngineName, site: string): PageToOpen[] {
  const all = [...new Set([...htmlPaths(site), ...sitemapPaths(site)])].filter((p) => !p.startsWith('/admin/'));
  if (engine === 'chromium') return [...all, ...SEARCHES].map((path) => ({ path, idle: true }));
  const entry = /^\/(zh|en)\/symptoms\/[^/]+\/$/;
  const longest = (lang: string) =>
    all
      .filter((p) => entry.test(p) && p.startsWith(`/${lang}/`))
      .map((p) => [p, statSync(fileForPath(site, p)!).size] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([p]) => p);
  const idle = new Set([...everyKind(all), ...SEARCHES]);
  const paths = new Set([...idle, ...all.filter((p) => !entry.test(p)), ...longest('zh'), ...longest('en')]);
  return [...paths].map((path) => ({ path, idle: idle.has(path) }));
}

/**
 * Opens the page and waits until it has loaded and been idle once (a second where Safari has no
 * idle callback), so that what the app does then (the service worker's registration, the
 * precache) is on the console's record too; on a page that loads the lookup at once, also until
 * its fetches have been quiet for a second (the results page searches, the homes warm the index
 * up): a fetch cut short by the next navigation is the test's doing, not the page's. Then waits
 * for the fonts and the widget's first render, so that the layout is the one a person sees.
 */
export async function openSettled(tab: Tab, url: string, idle = true): Promise<void> {
  await tab.goto(url);
  await tab.evaluate(
    (idle) =>
      new Promise<void>((resolve) => {
        const widget = () => document.querySelector('script[src*="/widget/pos-faq"]');
        const painted = async () => {
          await document.fonts.ready;
          // The header's search loads the widget only on focus: there the form is what shows.
          if (widget()) {
            await customElements.whenDefined('pos-faq-lookup');
            const drawn = () => {
              const lookup = document.querySelector('pos-faq-lookup:not(search *)');
              return !lookup || !!lookup.shadowRoot?.querySelector('input');
            };
            while (!drawn()) await new Promise((r) => setTimeout(r, 50));
          }
          requestAnimationFrame(() => setTimeout(resolve, 0));
        };
        const quiet = (seen = -1, calm = 0): void => {
          const now = performance.getEntriesByType('resource').length;
          if (calm >= 4 || !widget()) return void painted();
          setTimeout(() => quiet(now, now === seen ? calm + 1 : 0), 250);
        };
        const wait = () =>
          'requestIdleCallback' in self ? requestIdleCallback(() => quiet(), { timeout: 3000 }) : setTimeout(quiet, 1000);
        const settle = idle ? wait : () => void painted();
        if (document.readyState === 'complete') settle();
        else addEventListener('load', settle, { once: true });
      }),
    idle,
  );
}

/** How far the page scrolls sideways, with the last elements that stick out; null when it fits. */
export function overflow(tab: Tab): Promise<string | null> {
  return tab.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(-3)
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ')[0]}` : ''}`);
    return `${root.scrollWidth - root.clientWidth} px (${culprits.join(', ')})`;
  });
}

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** In the page: axe's violations of AXE_TAGS (axe injected into every document by the test). */
export const axeViolations = (tags: string[]) =>
  (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe
    .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    .then((r) => r.violations);

/** One line per violation and element, after `label`. */
export const violationLines = (violations: AxeViolation[], label: string) =>
  violations.flatMap((v) =>
    v.nodes.map((node) => {
      const why = node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? '';
      return `${label} ${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}. ${why}`;
    }),
  );

/** Runs axe on the page as it is now: one line per violation and element. */
export async function axe(tab: Tab, label: string): Promise<string[]> {
  return violationLines(await tab.evaluate(axeViolations, AXE_TAGS), label);
}
