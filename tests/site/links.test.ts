import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_URL } from '../../src/site.config.ts';
import { DIST } from '../helpers/build.ts';
import { offlineBundle } from '../helpers/offline.ts';
import { checkLinks } from '../helpers/links.ts';
import { fileForPath, htmlPaths, sitemapIndexLocs, sitemapPaths } from '../helpers/site-pages.ts';


describe('links', () => {
  it('has no broken internal link or anchor in dist/', () => {
    const { links, pages, broken } = checkLinks(DIST, { kind: 'site', origin: SITE_URL });
    console.log(`links in dist/: ${links} checked on ${pages} pages, ${broken.length} broken`);
    expect(pages).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it('lists every page in the sitemap, and nothing else', () => {
    const listed = sitemapPaths(DIST);
    expect(listed.filter((p) => !fileForPath(DIST, p))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
    // The 404 page is served for missing addresses, and the offline pages by the service worker
    // for pages it has not stored: neither is found through the sitemap. The results pages
    // (noindex) have nothing of their own to find. The editors' form (/admin/) is for editors only.
    const pages = htmlPaths(DIST).filter(
      (p) => p !== '/404.html' && !/^\/[a-z]+\/offline\/$/.test(p) && !p.endsWith('/search/') && !p.startsWith('/admin/'),
    );
    expect(pages.filter((p) => !listed.includes(p))).toEqual([]);
  });

  it('gives each sitemap entry one alternate per language, each of them a page', () => {
    const xml = readFileSync(join(DIST, new URL(sitemapIndexLocs(DIST)[0]!).pathname), 'utf8');
    const wrong: string[] = [];
    for (const [, block] of xml.matchAll(/<url>(.*?)<\/url>/gs)) {
      const loc = /<loc>([^<]+)<\/loc>/.exec(block!)![1]!;
      const alternates = [...block!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
      const langs = alternates.map(([lang]) => lang);
      if (new Set(langs).size !== langs.length) wrong.push(`${loc}: ${langs.join(', ')}`);
      for (const [, href] of alternates) if (!fileForPath(DIST, new URL(href).pathname)) wrong.push(`${loc}: ${href} is not a page`);
      if (alternates.length && !alternates.some(([, href]) => href === loc)) wrong.push(`${loc}: not among its own alternates`);
    }
    expect(wrong).toEqual([]);
  });

  // The same bundle `npm run offline` makes, built from this dist/ into tests/.out/offline/.
  it('has no broken link or anchor in the offline bundle', { timeout: 120_000 }, async () => {
    const { folder } = await offlineBundle();
    const { links, pages, broken } = checkLinks(folder, { kind: 'bundle' });
    console.log(`links in the offline bundle: ${links} checked on ${pages} pages, ${broken.length} broken`);
    expect(pages).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it('finds what it is meant to find', () => {
    const site = mkdtempSync(join(tmpdir(), 'pos-faq-links-'));
    const write = (file: string, body: string) => {
      mkdirSync(dirname(join(site, file)), { recursive: true });
      writeFileSync(join(site, file), `<!doctype html><html><body>${body}</body></html>`);
    };
    write('index.html', '<a href="/zh/">ok</a> <a href="/zh/#steps">ok</a> <a href="/zh">slash</a> <a href="/nope/">gone</a>');
    write(
      'zh/index.html',
      '<h2 id="steps">s</h2><a href="#steps">ok</a> <a href="#missing">anchor</a> <a href="../">ok</a> ' +
        `<a href="${SITE_URL}/zh/#steps">ok</a> <a href="https://other.example/">external</a> <img src="/a.png" alt="">`,
    );
    const { broken } = checkLinks(site, { kind: 'site', origin: SITE_URL });
    expect(broken).toEqual([
      'index.html: <a href="/zh"> names a folder without its trailing slash (a redirect on every click)',
      'index.html: <a href="/nope/"> points to nothing',
      'zh/index.html: <a href="#missing"> points to #missing, which zh/index.html does not have',
      'zh/index.html: <img src="/a.png"> points to nothing',
    ]);

    write('index.html', '<a href="zh/index.html#steps">ok</a> <a href="zh/">folder</a> <a href="/zh/index.html">root</a>');
    write('zh/index.html', `<h2 id="steps">s</h2><a href="../index.html">ok</a> <a href="${SITE_URL}/zh/">online</a>`);
    expect(checkLinks(site, { kind: 'bundle' }).broken).toEqual([
      'index.html: <a href="zh/"> names a folder: from file:// a link must name the file',
      'index.html: <a href="/zh/index.html"> starts with "/", which from file:// is the root of the disk',
    ]);
  });
});
