import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { DIST, FIXTURE_DIST } from '../helpers/build.ts';
import { attr, readPage } from '../helpers/html.ts';

const catalogue = loadCatalogue('faq');
const chosen = parseYaml(readFileSync('faq/card.yaml', 'utf8')) as { codes: string[]; symptoms: string[] };

describe.each(['zh', 'en'] as const)('the %s quick card', (lang) => {
  const page = readPage(DIST, `${lang}/card/index.html`);
  const entries = new Map(catalogue.symptoms[lang].map((e) => [e.id, e]));

  it('lists at least 20 codes, each linked to the entry that owns it, with who acts and its class', () => {
    const rows = page.all('tr', (tr) => tr.children.some((c) => c.type === 'element' && c.tagName === 'th' && attr(c, 'scope') === 'row'));
    const shown = rows.flatMap((tr) => {
      const link = readLinks(tr)[0]!;
      const id = /\/symptoms\/([^/]+)\/$/.exec(link.href)![1]!;
      return link.text.split(' / ').map((code) => ({ code, id, cells: cellTexts(tr) }));
    });
    expect(shown.map((s) => s.code)).toEqual(chosen.codes);
    expect(shown.length).toBeGreaterThanOrEqual(20);
    for (const { code, id, cells } of shown) {
      expect(entries.get(id)?.codes, `${code} → ${id}`).toContain(code);
      expect(cells).toHaveLength(3);
      expect(cells.every((c) => c.length > 0), `${code}: ${cells.join(' | ')}`).toBe(true);
    }
    const classes = new Set(rows.map((tr) => cellTexts(tr)[2]));
    expect(classes.size, 'the card uses several classes').toBeGreaterThanOrEqual(3);
  });

  it('gives each chosen symptom its first step, the three never-dos, the contact hint and the build date', () => {
    const terms = page.all('dt').map((dt) => page.text(dt));
    expect(terms).toEqual(chosen.symptoms.map((id) => entries.get(id)!.title));
    const steps = page.all('dd').map((dd) => page.text(dd));
    expect(steps).toEqual(chosen.symptoms.map((id) => entries.get(id)!.steps[0]));
    const never = page.one('section', (s) => attr(s, 'className')?.includes('qc-never') ?? false)!;
    expect(readItems(never)).toHaveLength(3);
    expect(page.text(page.one('p', (p) => attr(p, 'className') === 'qc-build')!)).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('is linked from the home page and the codes page', () => {
    for (const from of [`${lang}/index.html`, `${lang}/codes/index.html`]) {
      expect(readPage(DIST, from).one('a', (a) => attr(a, 'href') === `/${lang}/card/`), from).toBeDefined();
    }
  });

  function readLinks(el: Element): { href: string; text: string }[] {
    const out: { href: string; text: string }[] = [];
    const walk = (node: ElementContent) => {
      if (node.type !== 'element') return;
      if (node.tagName === 'a') out.push({ href: attr(node, 'href') ?? '', text: page.text(node) });
      node.children.forEach(walk);
    };
    el.children.forEach(walk);
    return out;
  }
  function cellTexts(tr: Element): string[] {
    return tr.children.flatMap((c) => (c.type === 'element' && c.tagName === 'td' ? [page.text(c).trim()] : []));
  }
  function readItems(el: Element): string[] {
    return el.children.flatMap((c) => (c.type === 'element' && c.tagName === 'ol' ? c.children.filter((li) => li.type === 'element').map((li) => page.text(li as Element)) : []));
  }
});

it('builds no card for content without faq/card.yaml', () => {
  expect(existsSync(join(FIXTURE_DIST, 'zh/card/index.html'))).toBe(false);
  expect(readPage(FIXTURE_DIST, 'zh/index.html').one('a', (a) => attr(a, 'href') === '/zh/card/')).toBeUndefined();
});
