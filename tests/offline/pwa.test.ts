import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../helpers/build.ts';
import { controlled, copySite, isOfflinePage, lookup, servePwa, visit, type PwaSession } from '../helpers/pwa.ts';

/**
 * The installable app (src/offline/pwa/) in Chromium, its network cut through the DevTools
 * protocol (pages and service worker alike) and the server checked to get no request meanwhile.
 */
const pagesOf = (root: string, lang: string): string[] =>
  (readdirSync(join(root, lang), { recursive: true }) as string[])
    .filter((f) => f.endsWith('index.html'))
    .map((f) => `/${lang}/${f.replace(/index\.html$/, '')}`.replace(/\\/g, '/'));

const ENTRY = '/zh/symptoms/network-timeout/';
const UNVISITED = '/zh/symptoms/paper-jam/';

describe('after one visit', () => {
  let s: PwaSession;
  beforeAll(async () => {
    s = await servePwa(copySite(DIST, 'visit'), 'visit');
  });
  afterAll(() => s?.close());

  it('opens the home, the codes page, an entry opened before and a lookup offline; an unvisited entry gets the offline page', async () => {
    const { page, log } = await s.open('zh/');
    await controlled(page);
    expect(await visit(page, s.url, ENTRY)).toBe(200);

    await s.offline(true);
    const before = s.requests.length;
    for (const path of ['/zh/', '/zh/codes/', '/zh/symptoms/', '/zh/diagnose/', ENTRY]) {
      expect(await visit(page, s.url, path), path).toBe(200);
      expect(await isOfflinePage(page), path).toBe(false);
    }
    await visit(page, s.url, '/zh/');
    expect((await lookup(page, '连接超时')).length).toBeGreaterThan(0);

    expect(await visit(page, s.url, UNVISITED)).toBe(200);
    expect(await isOfflinePage(page)).toBe(true);
    expect(await page.$eval('html', (h) => h.lang)).toBe('zh-CN');
    expect(new URL(page.url()).pathname).toBe(UNVISITED);
    // It lists what is stored, the entry opened before among it, and offers the lookup.
    const saved = await page.$$eval('[data-offline-saved] a', (links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(saved).toContain(ENTRY);
    expect((await lookup(page, '打印纸')).length).toBeGreaterThan(0);

    await visit(page, s.url, '/en/symptoms/paper-jam/');
    expect(await isOfflinePage(page)).toBe(true);
    expect(await page.$eval('html', (h) => h.lang)).toBe('en');
    expect(s.requests.slice(before)).toEqual([]);
    await s.offline(false);
    expect(log.filter((l) => !l.startsWith('requestfailed'))).toEqual([]);
  });
});
