import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { trail, type DiagnoseNode, type Diagnosis } from '../../src/lib/diagnose.ts';
import { LOCALES, type Locale } from '../../src/schemas/faq.ts';
import { recordConsole } from '../helpers/browser.ts';
import { DIST } from '../helpers/build.ts';
import { serveAndLaunch, type Session } from '../helpers/serve.ts';

/*
 * Walks the guided diagnosis in Chromium on the built site, served with its _headers (so the
 * CSP applies), from the first question to an entry. The route comes from the tree in faq/, so
 * rewording or reordering answers does not break the test; only losing the entry would.
 */
const { diagnosis, symptoms } = loadCatalogue('faq');

let session: Session;
beforeAll(async () => {
  session = await serveAndLaunch(DIST);
});
afterAll(() => session?.close());

/** The questions to answer, and which answer (index) to pick, to reach `entry`. */
function route(tree: Diagnosis, entry: string): { node: DiagnoseNode; answer: number }[] {
  const node = tree.nodes.find((n) => n.answers.some((a) => a.entry === entry));
  if (!node) throw new Error(`the ${tree.locale} diagnosis does not reach "${entry}"`);
  return [...trail(tree, node.id), { node, answer: node.answers.findIndex((a) => a.entry === entry) }];
}

async function open(locale: Locale, js: boolean): Promise<{ page: Page; log: string[] }> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 360, height: 740 });
  await page.setJavaScriptEnabled(js);
  const log = recordConsole(page);
  await page.goto(new URL(`${locale}/diagnose/`, session.url).href, { waitUntil: 'load' });
  return { page, log };
}

const heading = (page: Page) => page.$eval('main h1', (h) => h.textContent?.trim());
const path = (page: Page) => new URL(page.url()).pathname;
const answerLink = (i: number) => `main .diagnose-answers > li:nth-child(${i + 1}) > a`;
/** Set on the first page with JavaScript: still there later means the page was never reloaded. */
const same = (page: Page) => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

/** Waits until the page shows `question` (swapped in, or loaded). */
async function shows(page: Page, question: string): Promise<void> {
  await page.waitForFunction((q) => document.querySelector('main h1')?.textContent?.trim() === q, { timeout: 5_000 }, question);
}

describe.each(LOCALES)('the guided diagnosis in %s', (locale) => {
  const tree = diagnosis[locale];
  const other = locale === 'zh' ? 'en' : 'zh';
  const title = (id: string) => symptoms[locale].find((s) => s.id === id)!.title;

  // A screen problem, a message, and a response code (through the code groups).
  for (const entry of ['receipt-blank', 'network-timeout', 'lost-card']) {
    it(`walks to ${entry} without JavaScript, with plain links and the back button`, async () => {
      const { page, log } = await open(locale, false);
      const steps = route(tree, entry);
      for (const { node, answer } of steps) {
        expect(await heading(page)).toBe(node.question);
        expect(path(page)).toBe(`/${locale}${node.path}`);
        expect(await page.$eval('a.lang-switch', (a) => a.getAttribute('href'))).toBe(`/${other}${node.path}`);
        await Promise.all([page.waitForNavigation(), page.click(answerLink(answer))]);
      }
      expect(path(page)).toBe(`/${locale}/symptoms/${entry}/`);
      expect(await heading(page)).toBe(title(entry));

      // Back goes to the last question, then the one before it.
      await page.goBack();
      expect(await heading(page)).toBe(steps.at(-1)!.node.question);
      await page.goBack();
      expect(await heading(page)).toBe(steps.at(-2)!.node.question);
      // "Start again" returns to the first question.
      await page.goForward();
      await Promise.all([page.waitForNavigation(), page.click(`main .diagnose-nav a[href="/${locale}/diagnose/"]`)]);
      expect(await heading(page)).toBe(steps[0]!.node.question);
      expect(log).toEqual([]);
      await page.close();
    });

    it(`walks to ${entry} with JavaScript in one page, and the back button steps through the questions`, async () => {
      const { page, log } = await open(locale, true);
      await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
      const steps = route(tree, entry);
      for (const [i, { answer }] of steps.entries()) {
        const next = steps[i + 1]?.node;
        if (!next) break;
        await page.click(answerLink(answer));
        await shows(page, next.question);
        // The question was swapped in: same document, new address, the switch follows.
        expect(await same(page)).toBe(true);
        expect(path(page)).toBe(`/${locale}${next.path}`);
        expect(await page.$eval('a.lang-switch', (a) => a.getAttribute('href'))).toBe(`/${other}${next.path}`);
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        expect(await page.title()).toContain(next.question);
      }

      // Back and forward inside the flow: popstate swaps the questions, still without a reload.
      if (steps.length > 1) {
        await page.goBack();
        await shows(page, steps.at(-2)!.node.question);
        expect(path(page)).toBe(`/${locale}${steps.at(-2)!.node.path}`);
        await page.goForward();
        await shows(page, steps.at(-1)!.node.question);
        expect(await same(page)).toBe(true);
      }

      // The answer that names the entry opens its page normally.
      await Promise.all([page.waitForNavigation(), page.click(answerLink(steps.at(-1)!.answer))]);
      expect(path(page)).toBe(`/${locale}/symptoms/${entry}/`);
      expect(await heading(page)).toBe(title(entry));

      // Back from the entry lands on the last question, and back again on the one before.
      await page.goBack();
      await shows(page, steps.at(-1)!.node.question);
      expect(path(page)).toBe(`/${locale}${steps.at(-1)!.node.path}`);
      if (steps.length > 1) {
        await page.goBack();
        await shows(page, steps.at(-2)!.node.question);
        expect(path(page)).toBe(`/${locale}${steps.at(-2)!.node.path}`);
      }
      expect(log).toEqual([]);
      await page.close();
    });
  }

  it('starts again from any question with JavaScript, and the breadcrumbs lead back', async () => {
    const { page, log } = await open(locale, true);
    const steps = route(tree, 'receipt-blank');
    for (const [i, { answer }] of steps.slice(0, -1).entries()) {
      await page.click(answerLink(answer));
      await shows(page, steps[i + 1]!.node.question);
    }
    const crumbs = await page.$$eval('main .diagnose-trail li', (items) => items.map((li) => li.textContent?.trim()));
    expect(crumbs).toEqual([t(locale, 'nav.diagnose'), ...steps.slice(0, -1).map(({ node, answer }) => node.answers[answer]!.answer)]);
    await page.click(`main .diagnose-nav a[href="/${locale}/diagnose/"]`);
    await shows(page, steps[0]!.node.question);
    expect(path(page)).toBe(`/${locale}/diagnose/`);
    expect(log).toEqual([]);
    await page.close();
  });
});
