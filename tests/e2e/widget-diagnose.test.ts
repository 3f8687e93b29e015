import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/static-server.mjs';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { trail, type DiagnoseNode, type Diagnosis } from '../../src/lib/diagnose.ts';
import { hostCsp } from '../../src/lib/embed.ts';
import { LOCALES, type Locale } from '../../src/schemas/faq.ts';
import { STRINGS } from '../../widget/strings.ts';
import { WIDGET_VIEW_STRINGS } from '../../src/i18n/widget.ts';
import { AXE_TAGS } from '../helpers/page-checks.ts';
import { launch, recordConsole } from '../helpers/browser.ts';
import { DIST, ROOT } from '../helpers/build.ts';
import { widgetButton } from '../helpers/widget-page.ts';

/*
 * The widget's diagnosis on the built site, served with its _headers (so the pages' CSP applies):
 * from the lookup's "not sure?" button on the home page to "receipt prints blank" and to the
 * network entry, in both languages; then embedded on another origin under the documented minimum
 * CSP, which needs the tree's CORS headers. Every step is checked with axe-core at a phone's and a
 * desktop's width, light and dark, and photographed into tests/.out/widget-diagnose-shots/.
 */
const { diagnosis, symptoms } = loadCatalogue('faq');
const ENTRIES = ['receipt-blank', 'network-timeout'];
const WIDGET_LANG = { zh: 'zh-CN', en: 'en' } as const;
const SHOTS = join(ROOT, 'tests/.out/widget-diagnose-shots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: { url: string; close(): Promise<void> };
let browser: Awaited<ReturnType<typeof launch>>;
beforeAll(async () => {
  site = (await startServer({ root: DIST })) as typeof site;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The questions to answer, and which answer (index) to pick, to reach `entry`. */
function route(tree: Diagnosis, entry: string): { node: DiagnoseNode; answer: number }[] {
  const node = tree.nodes.find((n) => n.answers.some((a) => a.entry === entry));
  if (!node) throw new Error(`the ${tree.locale} diagnosis does not reach "${entry}"`);
  return [...trail(tree, node.id), { node, answer: node.answers.findIndex((a) => a.entry === entry) }];
}

async function open(url: string, viewport = { width: 1280, height: 900 }, axe = false) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  // Injected by the DevTools protocol, so the pages' CSP does not stand in the way.
  if (axe) await page.evaluateOnNewDocument(AXE);
  const log = recordConsole(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, log, requests };
}

/** Waits until the widget's heading reads `text` and has the focus. */
async function shows(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const root = document.querySelector('pos-faq-lookup:not(search *)')?.shadowRoot;
      const h2 = root?.querySelector('h2');
      return h2?.textContent === t && root?.activeElement === h2;
    },
    { timeout: 8_000 },
    text,
  );
}

const answers = (page: Page) => page.$$('pos-faq-lookup:not(search *) >>> button[part="answer"]');
const title = (locale: Locale, id: string) => symptoms[locale].find((s) => s.id === id)!.title;

describe.each(LOCALES)('the widget on the %s home page', (locale) => {
  const tree = diagnosis[locale];
  const strings = STRINGS[WIDGET_LANG[locale]];

  it.each(ENTRIES)('walks from "not sure?" to %s, back, and opens the entry', async (entry) => {
    const { page, log, requests } = await open(new URL(`${locale}/`, site.url).href, { width: 360, height: 740 });
    try {
      const start = await widgetButton(page, `${strings.diagnose} →`);
      expect(requests.filter((r) => r.includes('/widget/diagnose/')), 'nothing before the click').toEqual([]);
      await start.click();
      const steps = route(tree, entry);
      for (const { node, answer } of steps) {
        await shows(page, node.question);
        const buttons = await answers(page);
        expect(await Promise.all(buttons.map((b) => b.evaluate((e) => e.firstElementChild?.textContent)))).toEqual(
          node.answers.map((a) => a.answer),
        );
        await buttons[answer]!.click();
      }
      await shows(page, WIDGET_VIEW_STRINGS[locale]['diagnose.found']);
      const href = `${new URL(`${locale}/symptoms/${entry}/`, site.url).href}`;
      expect(await page.$eval('pos-faq-lookup:not(search *) >>> a[part="option"]', (a) => (a as HTMLAnchorElement).href)).toBe(href);

      // Back to the last question and the same answer again.
      await (await widgetButton(page, `← ${strings.back}`)).click();
      await shows(page, steps.at(-1)!.node.question);
      await (await answers(page))[steps.at(-1)!.answer]!.click();
      await shows(page, WIDGET_VIEW_STRINGS[locale]['diagnose.found']);

      await Promise.all([page.waitForNavigation(), page.click('pos-faq-lookup:not(search *) >>> a[part="option"]')]);
      expect(page.url()).toBe(href);
      expect(await page.$eval('main h1', (h) => h.textContent?.trim())).toBe(title(locale, entry));
      expect(requests.filter((r) => r.includes('/widget/diagnose/'))).toEqual([
        new URL(`widget/diagnose/${locale}.json`, site.url).href,
      ]);
      expect(log).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the widget on another origin, under the minimum CSP the embed guide states', () => {
  it.each(LOCALES)('loads the %s tree across origins (CORS) and reaches receipt-blank', async (locale) => {
    const faq = site.url.replace(/\/$/, '');
    const lang = WIDGET_LANG[locale];
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': hostCsp(faq) });
      res.end(
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title>` +
          `<script src="${faq}/widget/pos-faq.js" async></script></head>` +
          `<body><pos-faq-lookup lang="${lang}" mode="diagnose"></pos-faq-lookup></body></html>`,
      );
    });
    await new Promise<void>((r) => server.listen(0, 'localhost', () => r()));
    const { port } = server.address() as { port: number };
    const { page, log } = await open(`http://localhost:${port}/`);
    try {
      const steps = route(diagnosis[locale], 'receipt-blank');
      // mode="diagnose" shows the first question without moving the focus into the widget.
      await page.waitForFunction(
        (q) => document.querySelector('pos-faq-lookup:not(search *)')?.shadowRoot?.querySelector('h2')?.textContent === q,
        { timeout: 8_000 },
        steps[0]!.node.question,
      );
      for (const [i, { answer }] of steps.entries()) {
        if (i > 0) await shows(page, steps[i]!.node.question);
        await (await answers(page))[answer]!.click();
      }
      // On another site the diagnosis ends on the entry view inside the widget (issue 20).
      await shows(page, symptoms[locale].find((s) => s.id === 'receipt-blank')!.title);
      expect(await page.$eval('pos-faq-lookup:not(search *) >>> a[part="full"]', (a) => (a as HTMLAnchorElement).href)).toBe(
        `${faq}/${locale}/symptoms/receipt-blank/`,
      );
      expect(log).toEqual([]);
    } finally {
      await page.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('screenshots of the diagnosis in the widget', () => {
  for (const width of [360, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      it.each(LOCALES)(`%s at ${width} px, ${scheme}: fits without sideways scrolling, no axe violation`, async (locale) => {
        mkdirSync(SHOTS, { recursive: true });
        const strings = STRINGS[WIDGET_LANG[locale]];
        const { page, log } = await open(new URL(`${locale}/`, site.url).href, { width, height: 900 }, true);
        try {
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          const shot = async (name: string) => {
            // The mouse rests off the widget, so that no answer shows its hover colour.
            await page.mouse.move(0, 0);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, `${name} at ${width} px`).toBeLessThanOrEqual(0);
            const violations = await page.evaluate(
              (tags) =>
                (window as unknown as { axe: { run(c: Element, o: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe
                  .run(document.querySelector('pos-faq-lookup:not(search *)')!, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
                  .then((r) => r.violations.map((v) => `${v.id} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)),
              AXE_TAGS,
            );
            expect(violations, `axe on ${name}`).toEqual([]);
            const hero = (await page.$('.hero'))!;
            await hero.screenshot({ path: join(SHOTS, `${locale}-${width}-${scheme}-${name}.png`) });
          };
          await shot('0-box');
          await (await widgetButton(page, `${strings.diagnose} →`)).click();
          const steps = route(diagnosis[locale], 'receipt-blank');
          for (const [i, { node, answer }] of steps.entries()) {
            await shows(page, node.question);
            await shot(`${i + 1}-${node.id}`);
            await (await answers(page))[answer]!.click();
          }
          await shows(page, WIDGET_VIEW_STRINGS[locale]['diagnose.found']);
          await shot(`${steps.length + 1}-receipt-blank`);
          expect(log).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
