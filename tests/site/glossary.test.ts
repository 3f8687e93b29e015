import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { termForms } from '../../src/lib/glossary-checks.ts';
import { GLOSSARY_IGNORE } from '../../src/lib/glossary-links.ts';
import { formKey } from '../../src/plugins/rehype-glossary-links.ts';
import { LOCALES, TOPICS } from '../../src/schemas/faq.ts';
import { DIST, FIXTURE_CONTENT, FIXTURE_DIST } from '../helpers/build.ts';
import { attr, readPage, type Page } from '../helpers/html.ts';
import { sitemapPaths } from '../helpers/site-pages.ts';

const catalogue = loadCatalogue('faq');

/** Every entry and topic page of a language, as files under dist/. */
const contentPages = (locale: string) => [
  ...catalogue.symptoms.zh.map((s) => `${locale}/symptoms/${s.id}/index.html`),
  ...TOPICS.map((t) => `${locale}/${t}/index.html`),
];

const termLinks = (page: Page, locale: string) =>
  page.all('a', (a) => (attr(a, 'href') ?? '').startsWith(`/${locale}/glossary/#`));

/** The elements from the root down to `target`, so a test can see what a link sits in. */
function ancestors(page: Page, target: Element): Element[] {
  const path: Element[] = [];
  const find = (node: Element): boolean => {
    if (node === target) return true;
    for (const child of node.children) {
      if (child.type === 'element' && find(child)) {
        path.unshift(node);
        return true;
      }
    }
    return false;
  };
  find(page.one('html')!);
  return path;
}

describe('the glossary pages', () => {
  it.each(LOCALES)('%s: at least 60 terms, each under its id as anchor, the same ids in both languages', (locale) => {
    const page = readPage(DIST, `${locale}/glossary/index.html`);
    const terms = page.all('dt', (dt) => attr(dt, 'id') !== undefined);
    expect(terms.length).toBeGreaterThanOrEqual(60);
    expect(terms.map((dt) => attr(dt, 'id'))).toEqual(catalogue.glossary[locale].map((t) => t.id));
    expect(catalogue.glossary[locale].map((t) => t.id).sort()).toEqual(catalogue.glossary.zh.map((t) => t.id).sort());
    for (const dt of terms) expect(page.text(dt).trim()).not.toBe('');
  });

  it('are in the sitemap, and Pagefind does not index them as lookup results', () => {
    const listed = sitemapPaths(DIST);
    for (const locale of LOCALES) {
      expect(listed).toContain(`/${locale}/glossary/`);
      const page = readPage(DIST, `${locale}/glossary/index.html`);
      const indexed: Element[] = [];
      visit(page.tree, 'element', (el: Element) => {
        if (attr(el, 'dataPagefindBody') !== undefined) indexed.push(el);
      });
      expect(indexed).toEqual([]);
    }
  });

  it('are linked from the home page and the footer of every page', () => {
    for (const locale of LOCALES) {
      for (const path of [`${locale}/index.html`, `${locale}/codes/index.html`, `${locale}/symptoms/reversal/index.html`]) {
        const page = readPage(DIST, path);
        expect(page.all('a', (a) => attr(a, 'href') === `/${locale}/glossary/`).length, path).toBeGreaterThan(0);
      }
    }
  });

  it('link nothing to themselves: terms are not linked on the glossary page', () => {
    for (const locale of LOCALES) {
      const page = readPage(DIST, `${locale}/glossary/index.html`);
      expect(page.all('a', (a) => (attr(a, 'className') ?? '').split(' ').includes('term'))).toEqual([]);
    }
  });
});

describe('glossary links on entry and topic pages', () => {
  it.each(LOCALES)('%s: link each term at most once, to an anchor that exists, never inside headings, links or screen strings', (locale) => {
    const anchors = new Set(catalogue.glossary[locale].map((t) => t.id));
    const forms = new Map(catalogue.glossary[locale].map((t) => [t.id, termForms(t).map(formKey)]));
    let total = 0;
    for (const path of contentPages(locale)) {
      const page = readPage(DIST, path);
      const links = termLinks(page, locale);
      total += links.length;
      const ids = links.map((a) => attr(a, 'href')!.split('#')[1]!);
      expect(new Set(ids).size, `${path} links a term twice`).toBe(ids.length);
      for (const [i, link] of links.entries()) {
        const id = ids[i]!;
        expect(anchors.has(id), `${path} → #${id}`).toBe(true);
        // The link text is the word as written: one of the term's forms (an English plural at most).
        const text = formKey(page.text(link));
        expect(forms.get(id)!.some((f) => [f, `${f}s`, `${f}es`].includes(text)), `${path}: "${page.text(link)}"`).toBe(true);
        expect(attr(link, 'title'), path).toBeTruthy();
        for (const el of ancestors(page, link)) {
          expect(['h1', 'h2', 'h3', 'a', 'code', 'button', 'nav'], `${path}: "${page.text(link)}" in <${el.tagName}>`).not.toContain(el.tagName);
          const classes = (attr(el, 'className') ?? '').split(' ');
          expect(classes.some((c) => GLOSSARY_IGNORE.includes(c)), `${path}: "${page.text(link)}" in .${classes.join('.')}`).toBe(false);
        }
      }
    }
    // Most pages use several terms: the plugin really ran over the catalogue.
    expect(total).toBeGreaterThan(contentPages(locale).length * 2);
  });

  it('links the first use of a term on an entry page, and only that one', () => {
    const zh = readPage(DIST, 'zh/symptoms/mac-error/index.html');
    // The h1 says MAC first, but headings are never linked: the first MAC in running text is,
    // and no later one.
    expect(zh.text(zh.one('h1')!)).toContain('MAC');
    expect(zh.one('h1')!.children.every((c) => c.type === 'text')).toBe(true);
    // The first running text that says MAC (not the h1, not the screen strings or the typed
    // aliases, which are never linked) sits in the one link to its term.
    const skipped = (el: Element) => el.tagName === 'h1' || ['messages', 'aliases', 'crumbs'].some((c) => (attr(el, 'className') ?? '').split(' ').includes(c));
    const running = zh.one('article')!.children.filter((c): c is Element => c.type === 'element' && !skipped(c));
    let firstParent: Element | undefined;
    for (const block of running) {
      visit(block, 'text', (node, _index, parent) => {
        if (!firstParent && node.value.includes('MAC') && parent?.type === 'element') firstParent = parent;
      });
    }
    expect(firstParent?.tagName).toBe('a');
    expect(attr(firstParent, 'href')).toBe('/zh/glossary/#mac');
    expect(termLinks(zh, 'zh').filter((a) => attr(a, 'href') === '/zh/glossary/#mac')).toHaveLength(1);
    expect(zh.text(zh.one('article')!).split('MAC').length).toBeGreaterThan(3);

    const en = readPage(DIST, 'en/symptoms/reversal/index.html');
    const links = termLinks(en, 'en').map((a) => attr(a, 'href'));
    expect(links).toContain('/en/glossary/#reversal');
    expect(links.filter((h) => h === '/en/glossary/#reversal')).toHaveLength(1);
  });

  it.each(LOCALES)('%s: never link a term inside a longer glossary word or except phrase', (locale) => {
    // Every form and except phrase of the language, matched as the plugin matches them (spaces and
    // hyphens optional, Latin edges on word boundaries): a link whose text sits inside one of them
    // (结算 in 结算卡 or 结算款, "agent" in "payment agent") links the wrong word.
    const edge = (c: string) => /[\p{Script=Latin}\p{Nd}]/u.test(c);
    const words = catalogue.glossary[locale].flatMap((t) => [...termForms(t), ...t.except]).map((form) => {
      const key = [...formKey(form)];
      const body = key.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\u00a0-]*');
      const head = edge(key[0]!) ? '(?<![\\p{Script=Latin}\\p{Nd}])' : '';
      const tail = edge(key.at(-1)!) ? '(?:e?s)?(?![\\p{Script=Latin}\\p{Nd}])' : '';
      return { key: key.join(''), pattern: new RegExp(head + body + tail, 'giu') };
    });
    let checked = 0;
    for (const path of contentPages(locale)) {
      const page = readPage(DIST, path);
      for (const link of termLinks(page, locale)) {
        const parent = ancestors(page, link).at(-1)!;
        const at = parent.children.indexOf(link);
        const text = (nodes: typeof parent.children) =>
          nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? page.text(n) : '')).join('');
        const before = text(parent.children.slice(0, at)).slice(-24);
        const own = page.text(link);
        const window = before + own + text(parent.children.slice(at + 1)).slice(0, 24);
        for (const { key, pattern } of words) {
          if (key.length <= formKey(own).length || !key.includes(formKey(own))) continue;
          for (const m of window.matchAll(pattern)) {
            const covers = m.index <= before.length && m.index + m[0].length >= before.length + own.length;
            expect(covers, `${path}: "${own}" is linked inside "${m[0]}"`).toBe(false);
          }
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(contentPages(locale).length * 2);
  });

  it('link 结算卡 / settlement card to the settlement account, not to the batch close', () => {
    for (const [locale, word] of [['zh', '结算卡'], ['en', 'settlement card']] as const) {
      for (const id of ['payout-failed', 'settlement-not-received']) {
        const page = readPage(DIST, `${locale}/symptoms/${id}/index.html`);
        const links = termLinks(page, locale);
        const account = links.find((a) => attr(a, 'href') === `/${locale}/glossary/#settlement-account`);
        expect(account && page.text(account).toLowerCase(), `${locale}/${id}`).toBe(word);
        for (const a of links.filter((l) => attr(l, 'href') === `/${locale}/glossary/#settlement`)) {
          expect(formKey(page.text(a)), `${locale}/${id}`).not.toMatch(/卡|账户|款|card|account/);
        }
      }
    }
  });

  it('links terms on topic pages too', () => {
    for (const locale of LOCALES) {
      const page = readPage(DIST, `${locale}/definition/index.html`);
      expect(termLinks(page, locale).length).toBeGreaterThan(0);
    }
  });

  it('works on the fixture site, whose hostile titles stay text', () => {
    const fixture = loadCatalogue(FIXTURE_CONTENT);
    const page = readPage(FIXTURE_DIST, 'zh/symptoms/network-timeout/index.html');
    const links = termLinks(page, 'zh').map((a) => attr(a, 'href'));
    expect(links).toEqual(expect.arrayContaining(['/zh/glossary/#acquirer', '/zh/glossary/#host']));
    const glossary = readPage(FIXTURE_DIST, 'zh/glossary/index.html');
    expect(glossary.all('dt').map((dt) => attr(dt, 'id'))).toEqual(fixture.glossary.zh.map((t) => t.id));
  });
});
