import { SEARCH_LOADER } from '../../src/lib/search-loader.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { t } from '../../src/i18n/index.ts';
import { CODE_CLASSES } from '../../src/schemas/codes.ts';
import { TOPICS } from '../../src/schemas/faq.ts';
import { DIST, FIXTURE_CONTENT, FIXTURE_DIST } from '../helpers/build.ts';
import { isAppScript } from '../helpers/app-script.ts';
import { attr, readPage } from '../helpers/html.ts';

const catalogue = loadCatalogue('faq');
const ids = catalogue.symptoms.zh.map((s) => s.id);
const LANGS = { zh: 'zh-CN', en: 'en' } as const;

/** Every route the site promises, language-less. */
const routes = ['/', '/symptoms/', '/codes/', '/glossary/', '/card/', ...TOPICS.map((t) => `/${t}/`), ...ids.map((id) => `/symptoms/${id}/`)];

describe('the built site', () => {
  it('has every route in both languages, the chooser, the 404 page and the sitemap', () => {
    const missing = Object.keys(LANGS)
      .flatMap((l) => routes.map((r) => `${l}${r}index.html`))
      .filter((p) => !existsSync(join(DIST, p)));
    expect(missing).toEqual([]);
    for (const f of ['index.html', '404.html', 'sitemap-index.xml', '_headers']) expect(existsSync(join(DIST, f)), f).toBe(true);
  });

  it.each(Object.entries(LANGS))('gives every %s page its lang, canonical, hreflang alternates and a switch to the other language', (locale, tag) => {
    const other = locale === 'zh' ? 'en' : 'zh';
    for (const route of routes) {
      const page = readPage(DIST, `${locale}${route}index.html`);
      expect(attr(page.one('html'), 'lang'), route).toBe(tag);
      const links = page.all('link');
      const href = (rel: string, lang?: string) =>
        links.filter((l) => attr(l, 'rel') === rel && (lang === undefined || attr(l, 'hrefLang') === lang)).map((l) => attr(l, 'href'));
      expect(href('canonical')[0], route).toMatch(new RegExp(`^https?://[^/]+/${locale}${route}$`));
      expect(href('alternate', 'zh-CN')[0], route).toMatch(new RegExp(`/zh${route}$`));
      expect(href('alternate', 'en')[0], route).toMatch(new RegExp(`/en${route}$`));
      expect(href('alternate', 'x-default'), route).toHaveLength(1);
      const switcher = page.one('a', (a) => attr(a, 'hrefLang') === LANGS[other]);
      expect(attr(switcher, 'href'), route).toBe(`/${other}${route}`);
      expect(page.one('a', (a) => attr(a, 'href') === '#main'), `${route} skip link`).toBeDefined();
      expect(page.one('meta', (m) => attr(m, 'property') === 'og:title'), route).toBeDefined();
    }
  });

  it('ships no script on content pages other than the lookup widget, the header search loader and the app client', () => {
    for (const locale of Object.keys(LANGS)) {
      for (const route of routes) {
        const page = readPage(DIST, `${locale}${route}index.html`);
        const inline = page.all('script').filter((s) => attr(s, 'src') === undefined && attr(s, 'type') !== 'application/ld+json');
        expect(inline.map((s) => page.text(s)), route).toEqual([SEARCH_LOADER]);
        const others = page
          .all('script')
          .filter((s) => attr(s, 'type') !== 'application/ld+json' && attr(s, 'src') !== undefined)
          .map((s) => attr(s, 'src'))
          .filter((src) => src !== '/widget/pos-faq.js');
        // The app client, which registers the service worker, is on every page (tests/offline/pwa*.test.ts);
        // the quick card's print button (tests/e2e/card.test.ts), an entry's "Did this solve it?"
        // (tests/e2e/site.test.ts) and the embed guide's live examples are the others.
        const own = ['/card/', '/embed/'].includes(route) || route.startsWith('/symptoms/') && route !== '/symptoms/' ? 1 : 0;
        expect(others.filter((src) => !isAppScript(src)), route).toHaveLength(own);
        expect(others.length, route).toBe(1 + own);
      }
    }
  });

  it('describes topic pages as FAQPage and symptom pages as HowTo in JSON-LD', () => {
    const ld = (path: string) => {
      const page = readPage(DIST, path);
      const script = page.one('script', (s) => attr(s, 'type') === 'application/ld+json');
      return JSON.parse(page.text(script!)) as Record<string, unknown>;
    };
    const faq = ld('zh/causes/index.html');
    expect(faq['@type']).toBe('FAQPage');
    expect((faq['mainEntity'] as unknown[]).length).toBe(catalogue.topics.zh.find((t) => t.slug === 'causes')!.sections.length);
    const howTo = ld('en/symptoms/network-timeout/index.html');
    expect(howTo['@type']).toBe('HowTo');
    expect((howTo['step'] as unknown[]).length).toBe(catalogue.symptoms.en.find((s) => s.id === 'network-timeout')!.steps.length);
  });

  it('marks symptom pages for Pagefind with filters and meta', () => {
    const page = readPage(DIST, 'zh/symptoms/insufficient-funds/index.html');
    expect(page.one('article', (a) => attr(a, 'dataPagefindBody') !== undefined)).toBeDefined();
    const filters = page.all('span', (s) => attr(s, 'dataPagefindFilter') !== undefined).map((s) => attr(s, 'dataPagefindFilter'));
    expect(filters).toEqual(expect.arrayContaining(['category:card', 'code']));
    const meta = page.all('span', (s) => attr(s, 'dataPagefindMeta') !== undefined).map((s) => attr(s, 'dataPagefindMeta'));
    expect(meta).toEqual(expect.arrayContaining(['id:insufficient-funds', 'codes:51']));
  });

  it('lists every response code on its own row, linking to its entry, with its UnionPay class last', () => {
    for (const locale of Object.keys(LANGS) as (keyof typeof LANGS)[]) {
      const page = readPage(DIST, `${locale}/codes/index.html`);
      const rows = page.all('tr', (tr) => String(attr(tr, 'id') ?? '').startsWith('code-'));
      const expected = new Map(catalogue.symptoms[locale].flatMap((s) => s.codes.map((c) => [c, s.id] as const)));
      // One row per code an entry owns, and the row for 00 (approved), which no entry owns.
      expect(rows).toHaveLength(expected.size + 1);
      expect(attr(rows[0], 'id')).toBe('code-00');
      for (const row of rows) {
        const code = String(attr(row, 'id')).slice(5);
        expect(code).toMatch(/^[0-9A-Z]{2}$/);
        const cls = catalogue.codeClasses[code];
        expect(attr(row, 'dataClass'), code).toBe(cls);
        const cells = row.children.filter((c) => c.type === 'element');
        // The class cell, last: its letter and short label, linking to its explanation at the top.
        expect(page.text(cells.at(-1) as never).trim(), code).toBe(`${cls} ${t(locale, `codes.class.${cls!}`)}`);
        if (code === '00') continue;
        const link = page.one('a', (a) => page.text(a) === code);
        expect(attr(link, 'href')).toBe(`/${locale}/symptoms/${expected.get(code)}/`);
      }
    }
  });

  it('explains the five classes once, below the table, and says the acquirer\'s table wins', () => {
    for (const locale of Object.keys(LANGS) as (keyof typeof LANGS)[]) {
      const page = readPage(DIST, `${locale}/codes/index.html`);
      const section = page.one('section', (s) => attr(s, 'className') === 'code-classes')!;
      expect(section, locale).toBeDefined();
      const terms = page.all('dt').map((dt) => page.text(dt).trim());
      expect(terms).toEqual(CODE_CLASSES.map((c) => `${c} ${t(locale, `codes.class.${c}`)}`));
      for (const c of CODE_CLASSES) {
        expect(page.one('div', (d) => attr(d, 'id') === `class-${c}`), c).toBeDefined();
        expect(page.text(section)).toContain(t(locale, `codes.class.${c}.text`));
      }
      expect(page.text(section)).toContain(t(locale, 'codes.classes.acquirer'));
      // Once: the moves' legend comes before the table, the classes' explanation after it, as a detail.
      const html = readFileSync(join(DIST, `${locale}/codes/index.html`), 'utf8');
      expect(html.indexOf('class="moves-legend"')).toBeLessThan(html.indexOf('<table class="codes"'));
      expect(html.indexOf('class="code-classes"')).toBeGreaterThan(html.indexOf('</table>'));
      expect(html.split(t(locale, 'codes.class.D.text')).length - 1).toBe(1);
      expect(page.text(page.one('tr', (tr) => attr(tr, 'id') === 'code-00')!)).toContain(t(locale, 'codes.success.step'));
    }
  });

  it('works as a language chooser at / without JavaScript', () => {
    const page = readPage(DIST, 'index.html');
    const hrefs = page.all('a').map((a) => attr(a, 'href'));
    expect(hrefs).toEqual(expect.arrayContaining(['/zh/', '/en/']));
    expect(page.all('script')).toHaveLength(0);
  });
});

describe('hostile content (fixture site)', () => {
  const fixture = loadCatalogue(FIXTURE_CONTENT);
  const hostile = fixture.symptoms.zh.find((s) => s.title.includes('<img'))!;

  it('the fixture really is hostile', () => {
    expect(hostile.title).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows an HTML title as text on its page, in lists, in the codes table and in JSON-LD', () => {
    const paths = [
      `zh/symptoms/${hostile.id}/index.html`,
      'zh/symptoms/index.html',
      'zh/codes/index.html',
      'zh/symptoms/network-timeout/index.html',
    ];
    for (const path of paths) {
      const page = readPage(FIXTURE_DIST, path);
      expect(page.all('img'), path).toHaveLength(0);
      expect(page.text(page.one('main')!), path).toContain('<img src=x onerror=alert(1)>');
    }
    // In JSON-LD, "<" is escaped so that "</script>" in content cannot close the element.
    const html = readFileSync(join(FIXTURE_DIST, `zh/symptoms/${hostile.id}/index.html`), 'utf8');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(ld).toContain('\\u003cimg src=x');
    expect(ld).not.toContain('<');
    const topic = readPage(FIXTURE_DIST, 'zh/causes/index.html');
    expect(topic.all('b')).toHaveLength(0);
    expect(topic.text(topic.one('h1')!)).toContain('<b>zh</b>');
  });
});
