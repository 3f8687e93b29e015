import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTTPRequest } from 'puppeteer-core';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/schemas/faq.ts';
import { DIST, ROOT } from '../helpers/build.ts';
import { serveAndLaunch, type Session } from '../helpers/serve.ts';

/**
 * In Chromium, from the built site served with its _headers: the feeds and search descriptions
 * parse as XML of their kind, and /admin/ starts Sveltia CMS under its own CSP with the
 * configuration accepted and nothing on the console.
 */
let session: Session;
beforeAll(async () => {
  session = await serveAndLaunch(DIST);
});
afterAll(() => session?.close());

/** Parses an XML file of the site with the browser's own parser. */
async function parseXml(path: string) {
  const { page } = await session.open('/404.html');
  const text = await (await fetch(new URL(path, session.url))).text();
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const ns = doc.documentElement.namespaceURI;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      ns,
      entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
        updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent ?? '',
        link: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href') ?? '',
        title: e.getElementsByTagNameNS(ns, 'title')[0]?.textContent ?? '',
      })),
      self: doc.querySelector('link[rel="self"]')?.getAttribute('href') ?? null,
    };
  }, text);
  await page.close();
  return parsed;
}

describe('feeds and search descriptions', () => {
  it.each(LOCALES)('the %s feed parses as Atom, newest change first, each linked to its entry', async (locale) => {
    const feed = await parseXml(`/${locale}/changes.xml`);
    expect(feed.error).toBeNull();
    expect(feed.root).toBe('feed');
    expect(feed.ns).toBe('http://www.w3.org/2005/Atom');
    expect(feed.self).toMatch(new RegExp(`/${locale}/changes\\.xml$`));
    expect(feed.entries.length).toBeGreaterThanOrEqual(2);
    const dates = feed.entries.map((e) => e.updated);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const entry of feed.entries) expect(entry.link).toMatch(new RegExp(`/${locale}/symptoms/[a-z0-9-]+/#change-\\d{4}-\\d{2}-\\d{2}-\\d+$`));
  });

  it.each(LOCALES)('the %s OpenSearch description parses', async (locale) => {
    const xml = await parseXml(`/${locale}/opensearch.xml`);
    expect(xml.error).toBeNull();
    expect(xml.root).toBe('OpenSearchDescription');
    expect(xml.ns).toBe('http://a9.com/-/spec/opensearch/1.1/');
  });
});

describe('/admin/', () => {
  it('has a configuration that Sveltia CMS’s own JSON Schema accepts', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
    const cmsSchema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@sveltia/cms/schema/sveltia-cms.json'), 'utf8')) as object;
    const validate = ajv.compile(cmsSchema);
    const config = parseYaml(readFileSync(join(DIST, 'admin/config.yml'), 'utf8')) as Record<string, unknown>;
    expect(validate(config), ajv.errorsText(validate.errors)).toBe(true);
    // The schema does refuse a broken one.
    expect(validate({ ...config, collections: [{ name: 'x', folder: 'faq', fields: [{ name: 'a', widget: 7 }] }] })).toBe(false);
  });

  it('loads in Chromium under its CSP, reaches the sign-in screen and leaves the console clean', async () => {
    const page = await session.browser.newPage();
    const log: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warn') log.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => log.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
    const offsite: string[] = [];
    const loaded: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const url = new URL(request.url());
      if (url.protocol === 'blob:' || url.protocol === 'data:' || url.origin === new URL(session.url).origin) {
        loaded.push(url.pathname);
        void request.continue();
      } else if (url.href === 'https://www.githubstatus.com/api/v2/status.json') {
        // The CMS asks GitHub's status page whether GitHub is up; a deployed site reaches it, the
        // test answers for it so that it needs no network.
        void request.respond({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: '{"status":{"indicator":"none"}}' });
      } else {
        offsite.push(url.href);
        void request.abort();
      }
    });
    const response = await page.goto(new URL('/admin/', session.url).href, { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'none'; script-src 'self';/);
    // The sign-in screen is what the CMS shows once it has read and accepted config.yml; a
    // configuration error shows an error screen instead.
    await page.waitForFunction(() => /Sign In with\s*\S*GitHub/.test(document.body.innerText), { timeout: 30_000 });
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toMatch(/Work with Local Repository/);
    expect(text).not.toMatch(/configuration|error/i);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('24px "Material Symbols Outlined"'))).toBe(true);
    expect(loaded).toEqual(expect.arrayContaining(['/admin/sveltia-cms.js', '/admin/config.yml']));
    expect(loaded.some((p) => p.startsWith('/admin/fonts/'))).toBe(true);
    expect(offsite).toEqual([]);
    expect(log).toEqual([]);
    await page.close();
  }, 60_000);
});
