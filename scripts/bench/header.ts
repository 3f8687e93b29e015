// The header search on a symptom page (issue 11, "Measured"): ours as the site ships it, and the
// same page with Pagefind's Default UI in the header instead, in the same run; the figures a
// Starlight site of the same content gives are quoted from the issue as a reference.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { startServer } from '../static-server.mjs';
import { FIRST_QUERY, LANGS, median, type Lang, type Ui } from './figures.ts';

/** The symptom page measured, in each language. */
export const HEADER_PAGE = 'symptoms/network-timeout/';

/** A Starlight site of the same content on this machine, from issue 11: the symptom page, page plus first search, input to first result. */
export const STARLIGHT = { before: 55 * 1024, withSearch: 201 * 1024, ms: 410 } as const;

/** Issue 11's targets, as shares of Starlight's figures. */
export const HEADER_TARGET = { before: 0.5, withSearch: 0.8, ms: 0.5 } as const;

export interface HeaderRun {
  /** Bytes from the page's origin until the page has loaded and the network is quiet. */
  before: number;
  /** The same, plus everything the first search fetched until its results are on screen. */
  withSearch: number;
  /** From the input event (a committed IME word, right after focus) to the first result on screen. */
  ms: number;
}
export type HeaderFigures = Record<Ui, Record<Lang, HeaderRun>>;

/**
 * The symptom page with Pagefind's Default UI in its header instead of ours, as a site that uses
 * it would have it: its script and stylesheet in the head, the UI started when the page loads.
 * Written next to the page as `pagefind-ui.html` (outside the pages' CSP, which would block the
 * inline start-up script).
 */
function writePagefindUiPage(dist: string, lang: Lang): string {
  const file = join(dist, lang, HEADER_PAGE, 'index.html');
  let html = readFileSync(file, 'utf8');
  html = html.replace(/<search class="site-search"[\s\S]*?<\/search>/, '<div id="pf-ui"></div>');
  html = html.replace(/<script>\(\(\)=>\{let d=document[\s\S]*?<\/script>/, '');
  html = html.replace(
    '</head>',
    `<link rel="stylesheet" href="/pagefind/${lang}/pagefind-ui.css"><script src="/pagefind/${lang}/pagefind-ui.js"></script></head>`,
  );
  html = html.replace(
    '</body>',
    `<script>new PagefindUI({ element: '#pf-ui', bundlePath: '/pagefind/${lang}/', showImages: false, resetStyles: false });</script></body>`,
  );
  const out = `/bench-pagefind-ui-${lang}.html`;
  writeFileSync(join(dist, out), html);
  return out;
}

/**
 * What went over the wire, counted by a proxy in front of the site: requests from Pagefind UI's
 * web worker count too, which the page's own DevTools session does not see.
 */
interface Wire {
  bytes: number;
  inflight: number;
}

/** A counting proxy to `target`; resolves to its address. */
function countingProxy(target: string, wire: Wire): Promise<{ url: string; server: Server }> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    wire.inflight++;
    const upstream = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      wire.bytes += JSON.stringify(up.headers).length + 20;
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.on('data', (chunk: Buffer) => {
        wire.bytes += chunk.length;
        res.write(chunk);
      });
      up.on('end', () => {
        wire.inflight--;
        res.end();
      });
    });
    upstream.on('error', () => {
      wire.inflight--;
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

/** One cold run in a fresh profile: bytes before, bytes with the first search, and its time. */
async function headerRun(browser: Browser, url: string, ui: Ui, query: string, wire: Wire): Promise<HeaderRun> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // The app's service worker precaches the offline copy on a first visit (README, "On a phone,
    // offline"): that is the web app's cost, reported there, not the header search's, and the
    // same page with Pagefind UI would carry it too. Left out here, so both measure the search.
    await page.evaluateOnNewDocument(() => Object.defineProperty(navigator, 'serviceWorker', { value: undefined }));
    // Quiet: half a second with nothing in flight (at most five seconds).
    const quiet = async () => {
      let calm = 0;
      for (let i = 0; calm < 5 && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 100));
        calm = wire.inflight ? 0 : calm + 1;
      }
    };
    wire.bytes = 0;
    await page.goto(url, { waitUntil: 'load' });
    await quiet();
    const before = wire.bytes;
    const input = ui === 'ours' ? 'search input[name="q"]' : '.pagefind-ui__search-input';
    await page.waitForSelector(input);
    const ms = await page.evaluate(
      (ui, input, query) =>
        new Promise<number>((resolve, reject) => {
          const box = document.querySelector<HTMLInputElement>(input)!;
          const shown = () =>
            ui === 'ours'
              ? !!document.querySelector('search pos-faq-lookup')?.shadowRoot?.querySelector('[role="option"]')
              : [...document.querySelectorAll('.pagefind-ui__result')].some((r) => r.querySelector('.pagefind-ui__result-link'));
          box.focus();
          // A committed IME word: one input event with the whole word, right after focus.
          box.value = query;
          const started = performance.now();
          box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: query }));
          // Polled: a MutationObserver on the document does not see inside our shadow root.
          const poll = setInterval(() => {
            if (!shown()) return;
            clearInterval(poll);
            resolve(performance.now() - started);
          }, 4);
          setTimeout(() => reject(new Error(`${ui}: no result within 30 s`)), 30_000);
        }),
      ui,
      input,
      query,
    );
    await quiet();
    return { before, withSearch: wire.bytes, ms };
  } finally {
    await context.close();
  }
}

/**
 * Medians of `runs` cold runs of both header searches in both languages, on the built site in
 * `dist` served compressed from one origin (the page and its search together, as a site is),
 * through a proxy that counts the bytes: body and headers, as they went over the wire.
 */
export async function measureHeader(browser: Browser, dist: string, runs: number): Promise<HeaderFigures> {
  const pages = Object.fromEntries(LANGS.map((lang) => [lang, writePagefindUiPage(dist, lang)])) as Record<Lang, string>;
  const site = (await startServer({ root: dist, compress: true })) as { url: string; close(): Promise<void> };
  const wire: Wire = { bytes: 0, inflight: 0 };
  const server = await countingProxy(site.url, wire);
  const out = { ours: {}, pagefind: {} } as HeaderFigures;
  try {
    for (const ui of ['ours', 'pagefind'] as const) {
      for (const lang of LANGS) {
        const url = new URL(ui === 'ours' ? `${lang}/${HEADER_PAGE}` : pages[lang].slice(1), server.url).href;
        const all: HeaderRun[] = [];
        for (let i = 0; i < runs; i++) all.push(await headerRun(browser, url, ui, FIRST_QUERY[lang], wire));
        out[ui][lang] = {
          before: median(all.map((r) => r.before)),
          withSearch: median(all.map((r) => r.withSearch)),
          ms: median(all.map((r) => r.ms)),
        };
        const r = out[ui][lang];
        console.log(`  header ${ui} ${lang}: page ${(r.before / 1024).toFixed(1)} KB, with first search ${(r.withSearch / 1024).toFixed(1)} KB, ${r.ms.toFixed(0)} ms`);
      }
    }
  } finally {
    server.server.close();
    await site.close();
  }
  return out;
}
