import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/offline/zip/search.ts';
import { launch } from '../helpers/browser.ts';
import { DIST, FIXTURE_DIST, ROOT } from '../helpers/build.ts';
import { offlineBundle, openOffline, type OfflineSession } from '../helpers/offline.ts';

/**
 * The offline bundle in a real browser, opened from file:// as a distributor opens it from a USB
 * stick: moving between the languages, looking up with the widget's own box, no network.
 *
 * Two sites: the real one (dist/, which must be built from the complete faq/) and the fixture
 * (two entries), whose expectations differ.
 */
interface Lookup {
  lang: 'zh' | 'en';
  q: string;
  /** The entry id expected first. */
  expect: string;
}
interface Site {
  name: string;
  dist: string;
  lookups: Lookup[];
  /** The entry the language round trip goes through. */
  entry: string;
}

const SITES: [Site, Site] = [
  {
    name: 'site',
    dist: DIST,
    lookups: [
      { lang: 'zh', q: '打印出来是白纸', expect: 'receipt-blank' },
      { lang: 'zh', q: '51', expect: 'insufficient-funds' },
      { lang: 'en', q: '51', expect: 'insufficient-funds' },
    ],
    entry: 'receipt-blank',
  },
  {
    name: 'fixture',
    dist: FIXTURE_DIST,
    lookups: [
      { lang: 'zh', q: '51', expect: 'insufficient-funds' },
      { lang: 'en', q: 'connection timeout', expect: 'network-timeout' },
    ],
    entry: 'insufficient-funds',
  },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe.each(SITES)('offline bundle of the $name', ({ name, dist, lookups, entry }) => {
  let session: OfflineSession;
  beforeAll(async () => {
    if (name === 'site' && !existsSync(join(dist, 'zh/symptoms', entry, 'index.html'))) {
      throw new Error(
        `dist/ has no ${entry} entry: it was built before faq/ was complete. Run POS_FAQ_REBUILD=1 npm test.`,
      );
    }
    await offlineBundle(dist, name);
    session = await openOffline({ folder: (await offlineBundle(dist, name)).folder, browser });
  });
  afterAll(() => session?.page.close());

  it('opens from file://, goes from the home to both languages and between them', async () => {
    const { page } = session;
    expect(page.url()).toBe(session.url('index.html'));
    await follow(page, 'a[hreflang="zh-CN"]');
    expect(page.url()).toBe(session.url('zh/index.html'));
    expect(await page.$eval('html', (el) => el.lang)).toBe('zh-CN');

    await follow(page, '.site-header nav a[href$="symptoms/index.html"]');
    expect(page.url()).toBe(session.url('zh/symptoms/index.html'));
    await follow(page, `main a[href$="${entry}/index.html"]`);
    expect(page.url()).toBe(session.url(`zh/symptoms/${entry}/index.html`));

    await follow(page, 'a.lang-switch');
    expect(page.url()).toBe(session.url(`en/symptoms/${entry}/index.html`));
    expect(await page.$eval('html', (el) => el.lang)).toBe('en');
    await follow(page, 'a.brand');
    expect(page.url()).toBe(session.url('en/index.html'));
    await follow(page, 'a.lang-switch');
    expect(page.url()).toBe(session.url('zh/index.html'));
  });

  it('says on every page visited that it is an offline copy, with its version, online address and change list', async () => {
    const { page } = session;
    const notice = await page.$eval('.offline-notice', (el) => el.textContent ?? '');
    expect(notice).toContain('离线副本');
    expect(notice).toMatch(/\d+\.\d+\.\d+/);
    expect(notice).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(notice).toContain('https://');
    // Where to see what changed since the bundle was built.
    expect(notice).toMatch(/https?:\/\/\S+\/zh\/changes\//);
  });

  it.each(lookups)('looks up $q ($lang) with the box and opens $expect', async ({ lang, q, expect: id }) => {
    const { page } = session;
    await page.goto(session.url(`${lang}/index.html`));
    await page.locator('pos-faq-lookup >>> input').fill(q);
    // By role, not by class: the option is the result's link (or holds it), whatever the markup.
    await page.waitForSelector('pos-faq-lookup >>> [role="option"]', { timeout: 10_000 });
    const first = await page.evaluateHandle(() => {
      const option = document.querySelector('pos-faq-lookup')!.shadowRoot!.querySelector('[role="option"]')!;
      return option.closest<HTMLAnchorElement>('a[href]') ?? option.querySelector<HTMLAnchorElement>('a[href]')!;
    });
    const href = await first.evaluate((a) => a.href);
    expect(href).toBe(session.url(`${lang}/symptoms/${id}/index.html`));
    await Promise.all([page.waitForNavigation(), first.click()]);
    expect(page.url()).toBe(href);
    expect(await page.$eval('[data-pagefind-meta^="id:"]', (el) => el.getAttribute('data-pagefind-meta'))).toBe(
      `id:${id}`,
    );
  });

  it('loads every kind of page (each section and its first entry) with an empty console, from files only', async () => {
    const { page } = session;
    const pages = listFiles(session.folder).filter((f) => f.endsWith('.html'));
    // The home, each section's page, and the first page inside each section: every template once.
    const seen = new Set<string>();
    const sample = pages.filter((f) => {
      const parts = f.split('/');
      if (parts.length <= 3) return true;
      const section = parts.slice(0, 2).join('/');
      if (seen.has(section)) return false;
      seen.add(section);
      return true;
    });
    expect(sample.length).toBeGreaterThan(8);
    const before = session.log.length;
    for (const file of sample) {
      await page.goto(session.url(file), { waitUntil: 'load' });
      expect(session.log.slice(before), file).toEqual([]);
    }
  });

  it('kept the console empty and made no request but to file:// URLs', () => {
    expect(session.log).toEqual([]);
    expect(session.requests.length).toBeGreaterThan(10);
    expect(session.offsite()).toEqual([]);
  });
});

describe("the widget's own links offline", () => {
  // From file:// a folder URL opens a file listing instead of the page, so the widget's links to
  // the site's pages (no results, errors) name the file there (widget/parts.tsx, `page`).
  it('the no-results link ends in a file name', async () => {
    const { folder } = await offlineBundle(FIXTURE_DIST, 'fixture');
    const session = await openOffline({ folder, browser, path: 'zh/index.html' });
    try {
      await session.page.locator('pos-faq-lookup >>> input').fill('qqqzzzxxyy');
      await session.page.waitForFunction(
        () => document.querySelector('pos-faq-lookup')?.shadowRoot?.querySelector('p a[href]') !== null,
        { timeout: 10_000 },
      );
      const hrefs = await session.page.evaluate(() =>
        [...document.querySelector('pos-faq-lookup')!.shadowRoot!.querySelectorAll('p a[href]')].map(
          (a) => (a as HTMLAnchorElement).href,
        ),
      );
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/\/[^/]+\.html(#.*)?$/);
    } finally {
      await session.page.close();
    }
  });
});

describe('an entry inside the widget offline', () => {
  // The views chunk and the entry's data load from file:// as classic scripts (issue 20), as the
  // index does: el.open() shows the entry inside the box, with its links naming files.
  it('el.open("51") shows the entry inside from file://, with file links, an empty console and no request off the disk', async () => {
    const { folder } = await offlineBundle(DIST, 'site');
    const session = await openOffline({ folder, browser, path: 'en/index.html', viewport: { width: 360, height: 740 } });
    try {
      const view = await session.page.evaluate(async () => {
        const el = document.querySelector('pos-faq-lookup') as HTMLElement & { open(x: string): Promise<void> };
        await el.open('51');
        const root = el.shadowRoot!;
        return {
          title: root.querySelector('.pf-entry h2')?.textContent,
          steps: root.querySelectorAll('.pf-entry ol li').length,
          full: root.querySelector<HTMLAnchorElement>('.pf-full a')?.href,
          related: [...root.querySelectorAll<HTMLAnchorElement>('.pf-related a')].map((a) => a.href),
        };
      });
      expect(view.title).toContain('51');
      expect(view.steps).toBeGreaterThan(1);
      expect(view.full).toBe(session.url('en/symptoms/insufficient-funds/index.html'));
      expect(view.related.length).toBeGreaterThan(0);
      for (const href of view.related) expect(href).toMatch(/^file:.*\/symptoms\/[^/]+\/index\.html$/);
      expect(session.log).toEqual([]);
      expect(session.offsite()).toEqual([]);
    } finally {
      await session.page.close();
    }
  });
});

describe('offline bundle on a phone and a desktop screen', () => {
  it.each([360, 1280])(
    'fits %i px without sideways scrolling (screenshots in tests/.out/offline-shots/)',
    async (width) => {
      const site = existsSync(join(DIST, 'zh/symptoms/receipt-blank/index.html')) ? SITES[0] : SITES[1];
      const { folder } = await offlineBundle(site.dist, site.name);
      const session = await openOffline({ folder, browser, viewport: { width, height: 800 } });
      const shots = join(ROOT, 'tests/.out/offline-shots');
      mkdirSync(shots, { recursive: true });
      try {
        for (const path of [
          'index.html',
          'zh/index.html',
          `zh/symptoms/${site.entry}/index.html`,
          `en/symptoms/${site.entry}/index.html`,
        ]) {
          await session.page.goto(session.url(path));
          const overflow = await session.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
          await session.page.screenshot({
            path: join(shots, `${path.replace(/\/?index\.html$/, '').replace(/\//g, '-') || 'home'}-${width}.png`),
            fullPage: true,
          });
        }
        expect(session.log).toEqual([]);
        expect(session.offsite()).toEqual([]);
      } finally {
        await session.page.close();
      }
    },
  );
});

/** Clicks a link and waits for the page it opens. */
async function follow(page: Page, selector: string): Promise<void> {
  const link = await page.$(selector);
  if (!link) throw new Error(`No link ${selector} on ${page.url()}`);
  await Promise.all([page.waitForNavigation(), link.click()]);
}
