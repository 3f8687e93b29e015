import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/schemas/faq.ts';
import { DIST } from '../helpers/build.ts';
import { controlled, copySite, servePwa, type PwaSession } from '../helpers/pwa.ts';

/**
 * Installability. Lighthouse 12 removed its PWA category and every installability audit
 * (installable-manifest, service-worker, maskable-icon, themed-omnibox…), so these assert what
 * those audits checked with Chromium's own verdict: the DevTools protocol's
 * Page.getInstallabilityErrors (what decides Chrome's install prompt) and Page.getAppManifest
 * (the manifest as Chrome parsed it), plus the icons themselves.
 */
let s: PwaSession;
beforeAll(async () => {
  // Chromium itself: the install check is the browser's, and the headless shell answers nothing.
  s = await servePwa(copySite(DIST, 'install'), 'install', 'browser');
});
afterAll(() => s?.close());

const png = (file: string) => {
  const bytes = readFileSync(join(DIST, file));
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

describe.each(LOCALES)('the %s home as an app', (lang) => {
  it('is installable, with no error from Chromium, and its manifest parses clean', async () => {
    const { page, log } = await s.open(`${lang}/`);
    await controlled(page);
    const cdp = await page.createCDPSession();
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest', {});
    expect(new URL(manifest.url).pathname).toBe(`/app/${lang}.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data!) as Record<string, unknown>;
    expect(data).toMatchObject({ start_url: `/${lang}/`, id: `/${lang}/`, display: 'standalone', scope: '/' });
    expect(data['name']).toBeTruthy();
    expect(data['short_name']).toBeTruthy();
    expect(String(data['short_name']).length).toBeLessThanOrEqual(12);
    expect(data['theme_color']).toMatch(/^#[0-9a-f]{6}$/);
    expect(data['background_color']).toMatch(/^#[0-9a-f]{6}$/);
    // The browser bar's colour in both schemes, the way themed-omnibox wanted it.
    const themes = await page.$$eval('meta[name="theme-color"]', (m) => m.map((e) => e.getAttribute('media')));
    expect(themes).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
    expect(log).toEqual([]);
  });
});

describe('the check itself', () => {
  it('reports what is missing: the 404 page links no manifest', async () => {
    const { page } = await s.open('404.html');
    const { installabilityErrors } = await (await page.createCDPSession()).send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((e) => e.errorId)).toContain('no-manifest');
  });

  it('links a manifest from every page but the 404 page and the editors\' /admin/', () => {
    const pages = (readdirSync(DIST, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.html') && f !== '404.html' && !f.startsWith('admin/'),
    );
    expect(pages.length).toBeGreaterThan(100);
    const without = pages.filter((f) => !/<link rel="manifest" href="\/app\/(zh|en)\.webmanifest">/.test(readFileSync(join(DIST, f), 'utf8')));
    expect(without).toEqual([]);
  });
});

describe('the icons and the worker', () => {
  it('has 192 and 512 px icons and a maskable one, as PNG files of those sizes', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'app/zh.webmanifest'), 'utf8')) as {
      icons: { src: string; sizes: string; purpose: string }[];
    };
    const kinds = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
    expect(kinds).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of manifest.icons) {
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(png(icon.src.slice(1)), icon.src).toEqual({ width: w, height: h });
    }
  });

  it('starts offline at the start URL (what offline-start-url checked)', async () => {
    const { page } = await s.open('en/');
    await controlled(page);
    await s.offline(true);
    const response = await page.goto(new URL('/en/', s.url).href);
    expect(response?.status()).toBe(200);
    expect(await page.$eval('h1', (h) => h.textContent)).toBeTruthy();
    await s.offline(false);
  });

  it('keeps the pages\' side small: one module script, under 1.5 KB gzipped', () => {
    const html = readFileSync(join(DIST, 'zh/codes/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(gzipSync(readFileSync(join(DIST, scripts[0]!)), { level: 9 }).length).toBeLessThan(1.5 * 1024);
  });
});
