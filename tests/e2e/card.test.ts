import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/static-server.mjs';
import { SITE_URL } from '../../src/site.config.ts';
import { launch, recordConsole } from '../helpers/browser.ts';
import { DIST } from '../helpers/build.ts';
import { launchFirefox } from '../helpers/firefox-profile.ts';
import { openOffline } from '../helpers/offline.ts';

// The quick card is printed by merchants in whatever browser they have: both engines that print
// to PDF headless here must give exactly one page on A4 and on US Letter. Firefox runs without
// service workers: once (CI, 2026-12-07) the second card's load never reported itself, while the
// worker the first card registered was storing its language (some 250 files) through this file's
// server, or WebDriver BiDi lost the event. The layout is the point here; the worker has its own
// tests (pwa*.test.ts, and the every-page gates in all three engines).
const engines: Record<string, () => Promise<Browser>> = {
  chromium: () => launch(),
  firefox: () => launchFirefox({ 'dom.serviceWorkers.enabled': false }),
};

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer({ root: DIST });
});
afterAll(() => server.close());

describe.each(Object.keys(engines))('the quick card printed in %s', (engine) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await engines[engine]!();
  });
  afterAll(() => browser?.close());

  it.each(['zh', 'en'])('fits one A4 page and one Letter page (%s)', async (lang) => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${lang}/card/`, { waitUntil: 'load' });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: false });
      const pages = (await PDFDocument.load(pdf)).getPageCount();
      expect(pages, `${lang} card on ${format} in ${engine}`).toBe(1);
    }
    await page.close();
  });
});

describe('the quick card on screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser.close());

  it.each(['zh', 'en'])('has a QR code that decodes to the online lookup of its language (%s)', async (lang) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900, deviceScaleFactor: 2 });
    await page.goto(`${server.url}${lang}/card/`, { waitUntil: 'load' });
    const svg = await page.$('.qc-qr svg');
    expect(await svg!.evaluate((el) => [el.getAttribute('role'), el.getAttribute('aria-label')])).toEqual([
      'img',
      expect.stringContaining(`${SITE_URL}/${lang}/`),
    ]);
    const png = PNG.sync.read(Buffer.from(await svg!.screenshot({ type: 'png' })));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`${SITE_URL}/${lang}/`);
    await page.close();
  });

  it.each(['zh', 'en'])('fits a 360 px phone and prints from its button (%s)', async (lang) => {
    const page = await browser.newPage();
    const log = recordConsole(page);
    await page.setViewport({ width: 360, height: 740 });
    await page.evaluateOnNewDocument(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '');
    });
    await page.goto(`${server.url}${lang}/card/`, { waitUntil: 'load' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const button = await page.waitForSelector('[data-print]:not([hidden])');
    await button!.click();
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-printed'))).toBe(true);
    expect(log).toEqual([]);
    await page.close();
  });
});

describe('the quick card in the offline bundle', () => {
  it.each(['zh', 'en'])('opens from file://, prints from its button and asks for nothing online (%s)', async (lang) => {
    const session = await openOffline({ path: `${lang}/card/index.html`, viewport: { width: 360, height: 740 } });
    try {
      await session.page.evaluate(() => {
        window.print = () => document.documentElement.setAttribute('data-printed', '');
      });
      const button = await session.page.waitForSelector('[data-print]:not([hidden])');
      await button!.click();
      expect(await session.page.evaluate(() => document.documentElement.hasAttribute('data-printed'))).toBe(true);
      expect(await session.page.$('.qc-qr svg[role="img"]')).not.toBeNull();
      expect(session.offsite()).toEqual([]);
      expect(session.log).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('is linked from the offline home pages', async () => {
    const session = await openOffline({ path: 'zh/index.html' });
    try {
      expect(await session.page.$('a[href="card/index.html"]')).not.toBeNull();
    } finally {
      await session.close();
    }
  });
});
