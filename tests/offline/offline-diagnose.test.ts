import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { trail, type DiagnoseNode, type Diagnosis } from '../../src/lib/diagnose.ts';
import { LOCALES, type Locale } from '../../src/schemas/faq.ts';
import { STRINGS } from '../../widget/strings.ts';
import { WIDGET_VIEW_STRINGS } from '../../src/i18n/widget.ts';
import { launch } from '../helpers/browser.ts';
import { DIST } from '../helpers/build.ts';
import { offlineBundle, openOffline, type OfflineSession } from '../helpers/offline.ts';
import { widgetButton } from '../helpers/widget-page.ts';

/*
 * The guided diagnosis in the offline bundle, opened from file:// as a distributor opens it: the
 * question pages as plain links (JavaScript off, and on, where the enhancement stands aside), and
 * the widget's diagnosis, whose tree comes from a classic script since file:// cannot fetch. Both
 * walk to "receipt prints blank" and to the network entry in both languages, with an empty console
 * and no request that is not file:.
 */
const { diagnosis, symptoms } = loadCatalogue('faq');
const ENTRIES = ['receipt-blank', 'network-timeout'];
const WIDGET_LANG = { zh: 'zh-CN', en: 'en' } as const;

/** The questions to answer, and which answer (index) to pick, to reach `entry`. */
function route(tree: Diagnosis, entry: string): { node: DiagnoseNode; answer: number }[] {
  const node = tree.nodes.find((n) => n.answers.some((a) => a.entry === entry));
  if (!node) throw new Error(`the ${tree.locale} diagnosis does not reach "${entry}"`);
  return [...trail(tree, node.id), { node, answer: node.answers.findIndex((a) => a.entry === entry) }];
}

const title = (locale: Locale, id: string) => symptoms[locale].find((s) => s.id === id)!.title;
const h1 = (page: Page) => page.$eval('main h1', (h) => h.textContent?.trim());
/** A question's page in the bundle, from the site path of the question. */
const questionFile = (locale: Locale, node: DiagnoseNode) => `${locale}${node.path}index.html`;

let browser: Browser;
let folder: string;
beforeAll(async () => {
  if (!existsSync(join(DIST, 'zh/symptoms/receipt-blank/index.html'))) {
    throw new Error('dist/ is not built from the complete faq/: run `npm run build` (or POS_FAQ_REBUILD=1 npm test).');
  }
  ({ folder } = await offlineBundle(DIST));
  browser = await launch();
});
afterAll(() => browser?.close());

describe('the offline bundle carries the diagnosis tree for the widget', () => {
  it.each(LOCALES)('as a classic script for %s, with file-name links, and not the JSON it replaces', (locale) => {
    const script = readFileSync(join(folder, `widget/diagnose-${locale}.js`), 'utf8');
    expect(/[^\x00-\x7f]/.test(script), 'non-ASCII escaped').toBe(false);
    expect(script).toContain('posFaqOffline');
    expect(script).toContain(`"url":"/${locale}/symptoms/receipt-blank/index.html"`);
    expect(script).not.toMatch(/"url":"[^"]*\/"/);
    expect(existsSync(join(folder, `widget/diagnose/${locale}.json`))).toBe(false);
  });
});

describe.each(LOCALES)('the diagnosis offline in %s', (locale) => {
  const tree = diagnosis[locale];
  let session: OfflineSession;
  beforeAll(async () => {
    session = await openOffline({ folder, browser, path: `${locale}/diagnose/index.html`, viewport: { width: 360, height: 740 } });
  });
  afterAll(() => session?.page.close());

  for (const js of [false, true]) {
    it.each(ENTRIES)(`walks the question pages to %s by their links, JavaScript ${js ? 'on' : 'off'}`, async (entry) => {
      const { page } = session;
      await page.setJavaScriptEnabled(js);
      await page.goto(session.url(`${locale}/diagnose/index.html`), { waitUntil: 'load' });
      const steps = route(tree, entry);
      for (const { node, answer } of steps) {
        expect(page.url()).toBe(session.url(questionFile(locale, node)));
        expect(await h1(page)).toBe(node.question);
        await follow(page, `main .diagnose-answers > li:nth-child(${answer + 1}) > a`);
      }
      expect(page.url()).toBe(session.url(`${locale}/symptoms/${entry}/index.html`));
      expect(await h1(page)).toBe(title(locale, entry));
      // Back returns to the last question; "start again" there leads to the first.
      await page.goBack();
      expect(page.url()).toBe(session.url(questionFile(locale, steps.at(-1)!.node)));
      if (steps.length > 1) {
        await follow(page, 'main .diagnose-nav a[rel="prev"]');
        expect(page.url()).toBe(session.url(questionFile(locale, steps.at(-2)!.node)));
        await follow(page, 'main .diagnose-nav a:not([rel])', session.url(`${locale}/diagnose/index.html`));
        expect(await h1(page)).toBe(steps[0]!.node.question);
      }
      expect(session.log).toEqual([]);
    });
  }

  it.each(ENTRIES)("walks the widget's diagnosis to %s and opens the entry", async (entry) => {
    const { page } = session;
    const strings = STRINGS[WIDGET_LANG[locale]];
    await page.setJavaScriptEnabled(true);
    await page.goto(session.url(`${locale}/index.html`), { waitUntil: 'load' });
    await (await widgetButton(page, `${strings.diagnose} →`)).click();
    const steps = route(tree, entry);
    for (const { node, answer } of steps) {
      await shows(page, node.question);
      const answers = await page.$$('pos-faq-lookup:not(search *) >>> button[part="answer"]');
      expect(answers).toHaveLength(node.answers.length);
      await answers[answer]!.click();
    }
    await shows(page, WIDGET_VIEW_STRINGS[locale]['diagnose.found']);
    const link = (await page.waitForSelector('pos-faq-lookup:not(search *) >>> a[part="option"]'))!;
    expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(session.url(`${locale}/symptoms/${entry}/index.html`));
    expect(await link.evaluate((a) => a.querySelector('.pf-title')?.textContent)).toBe(`${title(locale, entry)} →`);

    // Back and forth inside the widget, then open the entry.
    await (await widgetButton(page, `← ${strings.back}`)).click();
    await shows(page, steps.at(-1)!.node.question);
    await (await page.$$('pos-faq-lookup:not(search *) >>> button[part="answer"]'))[steps.at(-1)!.answer]!.click();
    await shows(page, WIDGET_VIEW_STRINGS[locale]['diagnose.found']);
    await Promise.all([page.waitForNavigation(), page.click('pos-faq-lookup:not(search *) >>> a[part="option"]')]);
    expect(page.url()).toBe(session.url(`${locale}/symptoms/${entry}/index.html`));
    expect(await h1(page)).toBe(title(locale, entry));
    expect(session.log).toEqual([]);
  });

  it('loaded the tree from its classic script, kept the console empty and made no request but to file://', () => {
    expect(session.requests.filter((r) => r.endsWith(`/widget/diagnose-${locale}.js`))).not.toHaveLength(0);
    expect(session.requests.some((r) => r.includes('/widget/diagnose/'))).toBe(false);
    expect(session.log).toEqual([]);
    expect(session.offsite()).toEqual([]);
  });
});

/** Clicks a link (the first that matches, or the one among them to `href`) and waits for the page it opens. */
async function follow(page: Page, selector: string, href?: string): Promise<void> {
  let link: ElementHandle | null | undefined = await page.$(selector);
  if (href) {
    const links = await page.$$(selector);
    const hrefs = await Promise.all(links.map((a) => a.evaluate((el) => (el as HTMLAnchorElement).href)));
    link = links[hrefs.indexOf(href)];
  }
  if (!link) throw new Error(`No link ${selector}${href ? ` to ${href}` : ''} on ${page.url()}`);
  await Promise.all([page.waitForNavigation(), link.click()]);
}

/** Waits until the widget's heading reads `text`. */
async function shows(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.querySelector('pos-faq-lookup:not(search *)')?.shadowRoot?.querySelector('h2')?.textContent === t,
    { timeout: 5_000 },
    text,
  );
}
