import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { attr, readPage } from './html.ts';
import { filesUnder } from './site-pages.ts';

/** The size budgets, in gzipped bytes (1 KB = 1,024 bytes). */
export const BUDGETS = {
  htmlMedian: 7 * 1024,
  // 33 KB since issue 20: the widget's views chunk (widget/pos-faq-views.<hash>.js, 5.3 KB: the
  // entry view, the diagnosis and the notes under the results, loaded on the first focus) is a
  // script the site's readers download too, and "Did this solve it?" on the entry pages and the
  // embed guide's live examples add 0.6 KB. At 27 KB the site had 0.1 KB left.
  js: 33 * 1024,
  css: 17 * 1024,
  // 13 KB since the search issue (11). What the kilobyte above 12 pays for, at 13,212 bytes:
  // the pos-faq-search event and the el.search() outcome (~200 B), the results page's Enter and
  // autosearch and the header hand-over of typed text (~250 B), the "no good answer" note with its
  // two links and the "maybe" heading (~250 B), the "showing results for" note with its way back to
  // the literal query (~150 B), IME commits searched at once (~80 B), loading the query and
  // words scripts (~150 B), and for the browsers issue (12) telling a browser without WebAssembly
  // ("unsupported") from a CSP that blocks it, probing by instantiation before any download, and
  // the catalogue as the error note's link on the site itself (~100 B). The data and the code that
  // folds, measures answers and corrects typos live in those scripts, next to each index, not in
  // the widget. Room for it came from JSX on Preact's own h instead of preact/jsx-runtime (-174 B;
  // the @jsx pragma in widget/*.tsx): no budget above 13 KB. Answers inside the widget (issue 20)
  // fit by moving out what the box does not need before the first search: the diagnosis, the
  // notes under the results, their strings and styles now live in the views chunk
  // (widget/views.ts, loaded on first focus); the first script keeps the element's new API,
  // the chunk's loader and the entry stack (13,278 bytes). Vendor overlays (issue 21) add only the
  // `overlay` attribute's loader and the hook that hands the results to the overlay code, about
  // 240 bytes: 13,131 bytes then.
  widget: 13 * 1024,
  // A search downloads the index chunks of its words (src/integrations/pagefind.ts,
  // indexChunkSize): with Pagefind's default chunks a zh chunk was 35 KB; at the size set there
  // they are at most about 6.5 KB. Pagefind writes them gzipped: the budget is their size on disk.
  indexChunk: 8 * 1024,
  // The vendor-overlay code, widget/pos-faq-overlay.<hash>.js: loaded only by a widget with an
  // `overlay` attribute, so it costs the first script nothing; 3.4 KB when it was written (the
  // run-time check of the JSON, the search over its entries with the widget's ranking, the merge,
  // the entry view's side).
  overlayScript: 4 * 1024,
} as const;

/** Gzip at level 9, as size-limit and gzip-size measure: the figure the budgets are written in. */
export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

export interface SizeReport {
  /** Gzipped size of each HTML page, by file. */
  html: Map<string, number>;
  htmlMedian: number;
  /** Every script a reader of the site can download, by site path, gzipped. */
  js: Map<string, number>;
  jsTotal: number;
  css: Map<string, number>;
  cssTotal: number;
  /** `widget/pos-faq.js`, gzipped. */
  widget: number;
  /** `widget/pos-faq-overlay.<hash>.js`, gzipped: loaded only with a vendor overlay. */
  overlayScript: number;
}

/**
 * What the site's pages make a reader download, measured on the built files:
 *
 * - HTML: every page, as the median of their gzipped sizes;
 * - JS: every script a page references, every script Astro bundled (`_astro/*.js`), the widget's
 *   views chunk (`widget/pos-faq-views.<hash>.js`) and the Pagefind runtime the lookup imports on
 *   first use (`pagefind/<lang>/pagefind.js`). The two languages'
 *   runtimes are the same file under two addresses and a reader loads one, so the larger counts;
 * - CSS: every stylesheet a page links and every one Astro bundled.
 *
 * The browser tests check the other way round: every script and stylesheet a page really loads
 * is one of these files.
 */
export function measureSite(root: string, locales: readonly string[]): SizeReport {
  // Readers' pages only: the editors' form (/admin/, Sveltia CMS, about 600 KB gzip) is an
  // application for editors, never loaded by a reader's page.
  const pages = filesUnder(root, (p) => p.endsWith('.html') && !p.startsWith('admin/'));
  const html = new Map(pages.map((p) => [p, gzipSize(join(root, p))]));
  const scripts = new Set(
    filesUnder(root, (p) => (p.startsWith('_astro/') && p.endsWith('.js')) || /^widget\/pos-faq-views\.[0-9a-f]+\.js$/.test(p)).map(
      (p) => `/${p}`,
    ),
  );
  const styles = new Set(filesUnder(root, (p) => p.startsWith('_astro/') && p.endsWith('.css')).map((p) => `/${p}`));
  for (const file of pages) {
    const page = readPage(root, file);
    for (const s of page.all('script', (el) => attr(el, 'src') !== undefined)) scripts.add(new URL(attr(s, 'src')!, 'https://x/').pathname);
    for (const l of page.all('link', (el) => /\bstylesheet\b/.test(attr(el, 'rel') ?? ''))) {
      styles.add(new URL(attr(l, 'href')!, 'https://x/').pathname);
    }
  }
  const runtimes = locales.map((l) => `/pagefind/${l}/pagefind.js`);
  const sized = (paths: Iterable<string>) => new Map([...paths].sort().map((p) => [p, gzipSize(join(root, p))]));
  const js = sized(scripts);
  const runtime = sized(runtimes);
  const largestRuntime = [...runtime].sort((a, b) => b[1] - a[1])[0]!;
  js.set(largestRuntime[0], largestRuntime[1]);
  const css = sized(styles);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return {
    html,
    htmlMedian: median([...html.values()]),
    js,
    jsTotal: sum(js),
    css,
    cssTotal: sum(css),
    widget: gzipSize(join(root, 'widget/pos-faq.js')),
    overlayScript: Math.max(0, ...filesUnder(root, (p) => /^widget\/pos-faq-overlay\.[0-9a-f]+\.js$/.test(p)).map((p) => gzipSize(join(root, p)))),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** 1234 → "1.2 KB" (1 KB = 1,024 bytes, as the budgets are meant). */
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
