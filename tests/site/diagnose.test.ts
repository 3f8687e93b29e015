import { SEARCH_LOADER } from '../../src/lib/search-loader.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { trail, type DiagnoseData } from '../../src/lib/diagnose.ts';
import { MAX_QUESTIONS } from '../../src/schemas/diagnose.ts';
import { LOCALES } from '../../src/schemas/faq.ts';
import { DIST, FIXTURE_DIST } from '../helpers/build.ts';
import { attr, readPage } from '../helpers/html.ts';

const { diagnosis } = loadCatalogue('faq');
const LANG = { zh: 'zh-CN', en: 'en' } as const;
const file = (path: string) => `${path.replace(/^\//, '')}index.html`;

describe('the diagnosis pages', () => {
  it.each(LOCALES)('gives every %s question a page with hreflang, a language switch to the same question and its crumbs', (locale) => {
    const tree = diagnosis[locale];
    const other = locale === 'zh' ? 'en' : 'zh';
    for (const node of tree.nodes) {
      const page = readPage(DIST, file(`/${locale}${node.path}`));
      expect(attr(page.one('html'), 'lang')).toBe(LANG[locale]);
      expect(page.text(page.one('h1')!).trim(), node.id).toBe(node.question);
      const alternate = (lang: string) => attr(page.one('link', (l) => attr(l, 'rel') === 'alternate' && attr(l, 'hrefLang') === lang), 'href');
      expect(alternate(LANG[other])).toMatch(new RegExp(`/${other}${node.path}$`));
      expect(attr(page.one('a', (a) => attr(a, 'className') === 'lang-switch'), 'href')).toBe(`/${other}${node.path}`);
      expect(attr(page.one('article'), 'dataDiagnoseNode')).toBe(node.id);

      // Crumbs: the diagnosis' title, then each answer given on the way here.
      const crumbs = page.one('nav', (n) => attr(n, 'className') === 'diagnose-trail');
      if (node.depth === 1) expect(crumbs).toBeUndefined();
      else {
        const labels = [t(locale, 'nav.diagnose'), ...trail(tree, node.id).map(({ node: asked, answer }) => asked.answers[answer]!.answer)];
        expect(page.all('li').filter((li) => labels.includes(page.text(li).trim())).length, node.id).toBeGreaterThanOrEqual(node.depth);
        for (const label of labels) expect(page.text(crumbs!), node.id).toContain(label);
      }

      const back = page.one('a', (a) => attr(a, 'rel') === 'prev');
      const parent = tree.nodes.find((n) => n.id === node.from?.question);
      expect(attr(back, 'href'), node.id).toBe(parent ? `/${locale}${parent.path}` : undefined);
    }
  });

  it.each(LOCALES)('links every %s answer to a built question or entry page', (locale) => {
    const tree = diagnosis[locale];
    for (const node of tree.nodes) {
      const page = readPage(DIST, file(`/${locale}${node.path}`));
      const list = page.one('ul', (ul) => attr(ul, 'className') === 'diagnose-answers')!;
      const links = page.all('a').filter((a) => list.children.some((li) => li.type === 'element' && li.children.includes(a)));
      expect(links.map((a) => attr(a, 'href')), node.id).toEqual(
        node.answers.map((a) => (a.next ? `/${locale}${tree.nodes.find((n) => n.id === a.next)!.path}` : `/${locale}/symptoms/${a.entry}/`)),
      );
      for (const a of links) expect(existsSync(join(DIST, file(attr(a, 'href')!))), attr(a, 'href')).toBe(true);
    }
  });

  it('ships one external script and no inline script but the search loader, and stays out of the search index', () => {
    for (const locale of LOCALES) {
      for (const node of diagnosis[locale].nodes) {
        const page = readPage(DIST, file(`/${locale}${node.path}`));
        const scripts = page
          .all('script')
          .filter((s) => attr(s, 'type') !== 'application/ld+json' && page.text(s) !== SEARCH_LOADER);
        expect(scripts.map((s) => [attr(s, 'type'), attr(s, 'src')?.startsWith('/_astro/'), page.text(s).trim()]), node.id).toEqual([['module', true, '']]);
        expect(existsSync(join(DIST, attr(scripts[0], 'src')!))).toBe(true);
        expect(readFileSync(join(DIST, file(`/${locale}${node.path}`)), 'utf8'), node.id).not.toContain('data-pagefind-body');
      }
    }
  });

  it('keeps the enhancement tiny and the site JavaScript within 27 KB gzip with the widget', () => {
    const page = readPage(DIST, 'zh/diagnose/index.html');
    const src = attr(page.one('script', (s) => attr(s, 'src') !== undefined), 'src')!;
    const gz = (path: string) => gzipSync(readFileSync(join(DIST, path))).length;
    const flow = gz(src);
    const astroJs = readdirSync(join(DIST, '_astro')).filter((f) => f.endsWith('.js'));
    const total = astroJs.reduce((sum, f) => sum + gz(`_astro/${f}`), 0) + gz('widget/pos-faq.js');
    console.info(`diagnose-flow: ${flow} B gzip; site JavaScript with the widget: ${(total / 1024).toFixed(1)} KB gzip`);
    expect(flow).toBeLessThan(2 * 1024);
    expect(total).toBeLessThanOrEqual(27 * 1024);
  });

  it('links the diagnosis from the home page, the header and the footer', () => {
    for (const locale of LOCALES) {
      const home = readPage(DIST, `${locale}/index.html`);
      const links = home.all('a', (a) => attr(a, 'href') === `/${locale}/diagnose/`);
      // Header, footer and the call to action under the lookup.
      expect(links.length, locale).toBeGreaterThanOrEqual(3);
      const codes = readPage(DIST, `${locale}/codes/index.html`);
      expect(codes.all('a', (a) => attr(a, 'href') === `/${locale}/diagnose/`).length, locale).toBe(2);
    }
  });

  it.each(LOCALES)('publishes the %s tree as JSON for the widget', (locale) => {
    const tree = diagnosis[locale];
    const data = JSON.parse(readFileSync(join(DIST, `widget/diagnose/${locale}.json`), 'utf8')) as DiagnoseData;
    expect(data.version).toBe(1);
    expect(data.lang).toBe(LANG[locale]);
    expect(data.start).toBe(tree.start);
    expect(data.maxDepth).toBeLessThanOrEqual(MAX_QUESTIONS);
    expect(Object.keys(data.questions)).toEqual(tree.nodes.map((n) => n.id));
    for (const [id, q] of Object.entries(data.questions)) {
      expect(existsSync(join(DIST, file(q.url))), q.url).toBe(true);
      for (const a of q.answers) {
        expect(Number(a.next !== undefined) + Number(a.entry !== undefined), `${id}: ${a.answer}`).toBe(1);
        if (a.next) expect(data.questions[a.next], a.next).toBeDefined();
        if (a.entry) expect(existsSync(join(DIST, file(data.entries[a.entry]!.url))), a.entry).toBe(true);
      }
    }
    expect(data.entries['receipt-blank']?.step.length).toBeGreaterThan(0);
  });

  it('escapes markup written in the tree', () => {
    const html = readFileSync(join(FIXTURE_DIST, 'en/diagnose/index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;even the power key&quot;');
    expect(html).not.toContain('<script>alert');
    expect(readFileSync(join(FIXTURE_DIST, 'zh/diagnose/index.html'), 'utf8')).toContain('&lt;b&gt;按电源键&lt;/b&gt;');
  });
});
