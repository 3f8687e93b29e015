import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_CSP } from '../../src/integrations/admin.ts';
import { headerRules } from '../../src/integrations/headers.ts';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { reportUrl } from '../../src/lib/report.ts';
import { isLeftOut } from '../../src/offline/zip/bundle.ts';
import { LOCALES } from '../../src/schemas/faq.ts';
import { DIST } from '../helpers/build.ts';
import { attr, readPage } from '../helpers/html.ts';
import { filesUnder, htmlPaths, sitemapPaths } from '../helpers/site-pages.ts';

/** The editors' workbench in the built site: change list, feeds, OpenSearch, llms.txt, /admin/. */
const { symptoms } = loadCatalogue('faq');
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');

describe('what the site offers readers and their tools', () => {
  it.each(LOCALES)('links the %s feed and search description from the head of every page of the language', (locale) => {
    const pages = htmlPaths(DIST).filter((p) => p.startsWith(`/${locale}/`));
    expect(pages.length).toBeGreaterThan(100);
    for (const path of [...pages, '/', '/404.html']) {
      const links = readPage(DIST, `${path.slice(1)}${path.endsWith('/') ? 'index.html' : ''}`).all('link');
      const href = (rel: string, type: string) => links.filter((l) => attr(l, 'rel') === rel && attr(l, 'type') === type).map((l) => attr(l, 'href'));
      expect(href('search', 'application/opensearchdescription+xml'), path).toContain(`/${locale}/opensearch.xml`);
      expect(href('alternate', 'application/atom+xml').some((h) => h?.endsWith(`/${locale}/changes.xml`)), path).toBe(true);
    }
  });

  it.each(LOCALES)('serves an OpenSearch description for %s that searches the results page', (locale) => {
    const xml = read(`${locale}/opensearch.xml`);
    expect(xml).toMatch(/<OpenSearchDescription xmlns="http:\/\/a9\.com\/-\/spec\/opensearch\/1\.1\/"/);
    expect(xml).toMatch(new RegExp(`<Url type="text/html" method="get" template="https?://[^"]+/${locale}/search/\\?q=\\{searchTerms\\}"/>`));
    expect(/<ShortName>([^<]*)<\/ShortName>/.exec(xml)![1]!.length).toBeLessThanOrEqual(16);
  });

  it.each(LOCALES)('writes /%s/llms.txt with every entry and llms-full.txt with each one whole', (locale) => {
    const index = read(`${locale}/llms.txt`);
    const full = read(`${locale}/llms-full.txt`);
    expect(index).toMatch(/^# .+\n\n> .+/);
    expect(index).toContain(`/${locale}/llms-full.txt`);
    for (const entry of symptoms[locale]) {
      expect(index).toContain(`](https://`);
      expect(index).toContain(`/${locale}/symptoms/${entry.id}/)`);
      const block = full.slice(full.indexOf(`### ${entry.title}\n`)).split(/\n### /)[0]!;
      expect(block, entry.id).toContain(entry.reviewed);
      for (const [i, step] of entry.steps.entries()) expect(block).toContain(`${i + 1}. ${step}`);
      for (const line of entry.avoid) expect(block).toContain(`- ${line}`);
      for (const code of entry.codes) expect(block).toContain(code);
      expect(block).toContain(entry.escalate.to);
    }
  });

  it.each(LOCALES)('lists the %s changes newest first, each linked to its place on the entry page', (locale) => {
    const page = readPage(DIST, `${locale}/changes/index.html`);
    const dates = page.all('time').map((el) => attr(el, 'dateTime')!);
    const expected = symptoms[locale].flatMap((e) => e.changes).length;
    expect(expected).toBeGreaterThanOrEqual(2);
    expect(dates).toHaveLength(expected);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const a of page.all('a', (el) => String(attr(el, 'href')).includes('/symptoms/'))) {
      const [path, anchor] = attr(a, 'href')!.split('#');
      const entry = readPage(DIST, `${path!.slice(1)}index.html`);
      expect(entry.one('li', (el) => attr(el, 'id') === anchor), attr(a, 'href')).toBeDefined();
    }
  });

  it('leaves out the report link when REPORT_URL is unset, and fills {id} and {lang} when set', () => {
    expect(read('en/symptoms/network-timeout/index.html')).not.toContain('class="report"');
    expect(reportUrl('network-timeout', 'zh', 'https://git.example.com/o/r/issues/new?title={lang}%20{id}&labels=content')).toBe(
      'https://git.example.com/o/r/issues/new?title=zh%20network-timeout&labels=content',
    );
    expect(reportUrl('a', 'en', '')).toBeUndefined();
  });

  it.each(LOCALES)('prints the build date and the online change list on the %s quick card', (locale) => {
    const card = readPage(DIST, `${locale}/card/index.html`);
    const build = card.one('p', (el) => String(attr(el, 'className')).includes('qc-build'))!;
    expect(card.text(build)).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(card.all('a', (el) => /^https?:\/\/[^/]+\/\w+\/changes\/$/.test(String(attr(el, 'href'))))).toHaveLength(1);
  });
});

describe('/admin/', () => {
  it('is built with its script, fonts and configuration, all from the site itself', () => {
    for (const file of ['index.html', 'config.yml', 'sveltia-cms.js', 'cms-version.json']) expect(existsSync(join(DIST, 'admin', file)), file).toBe(true);
    expect(read('admin/sveltia-cms.js')).not.toMatch(/https:\/\/cdn\.jsdelivr\.net\/fontsource|https:\/\/unpkg\.com\/@sveltia\/cms\/package\.json/);
    expect(read('admin/index.html')).toMatch(/<script src="\/admin\/sveltia-cms\.js"><\/script>/);
  });

  it('is kept out of the sitemap, the web app precache and the offline bundle', () => {
    expect(sitemapPaths(DIST).filter((p) => p.startsWith('/admin'))).toEqual([]);
    expect(read('sw.js')).not.toMatch(/admin\//);
    const admin = filesUnder(DIST, (p) => p.startsWith('admin/'));
    expect(admin.length).toBeGreaterThan(3);
    expect(admin.filter((f) => !isLeftOut(f))).toEqual([]);
  });

  it('has its own content security policy in _headers, and the pages keep theirs', () => {
    const rules = headerRules(filesUnder(DIST));
    const admin = rules.filter((r) => r.path.startsWith('/admin'));
    expect(admin).toHaveLength(1);
    expect(admin[0]!.headers['Content-Security-Policy']).toBe(ADMIN_CSP);
    expect(read('_headers')).toContain(`/admin/*\n  Content-Security-Policy: ${ADMIN_CSP}`);
    expect(ADMIN_CSP).not.toMatch(/unsafe-eval|script-src[^;]*(unsafe-inline|https:)/);
    expect(rules.find((r) => r.path === '/zh/*')!.headers['Content-Security-Policy']).not.toBe(ADMIN_CSP);
  });
});
