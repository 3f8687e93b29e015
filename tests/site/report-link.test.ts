import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, FIXTURE_CONTENT, FIXTURE_DIST, ROOT } from '../helpers/build.ts';
import { attr, readPage } from '../helpers/html.ts';

/**
 * The "report a mistake" link: the fixture site built once more with REPORT_URL set has it on
 * every entry page, `{id}` and `{lang}` filled in; the fixture's usual build, without it, has none.
 */
const OUT = join(ROOT, 'tests/.out/report-dist');
const TEMPLATE = 'https://git.example.com/org/pos-faq/issues/new?title=%5B{lang}%5D%20{id}&labels=content';
const ids = readdirSync(join(FIXTURE_CONTENT, 'symptoms', 'en')).map((f) => f.replace(/\.yaml$/, ''));
const reportLinks = (root: string, lang: string, id: string) =>
  readPage(root, `${lang}/symptoms/${id}/index.html`).all('a', (el) => String(attr(el, 'href')).startsWith('https://git.example.com/'));

beforeAll(() => buildSite({ POS_FAQ_CONTENT: FIXTURE_CONTENT, POS_FAQ_OUT: OUT, REPORT_URL: TEMPLATE }), 300_000);

describe('report a mistake', () => {
  it.each(['zh', 'en'])('links every %s entry page to REPORT_URL with its id and language', (lang) => {
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) {
      const links = reportLinks(OUT, lang, id);
      expect(links, id).toHaveLength(1);
      expect(attr(links[0], 'href')).toBe(`https://git.example.com/org/pos-faq/issues/new?title=%5B${lang}%5D%20${id}&labels=content`);
    }
  });

  it('is absent when REPORT_URL is unset', () => {
    for (const id of ids) expect(readPage(FIXTURE_DIST, `en/symptoms/${id}/index.html`).all('p', (el) => attr(el, 'className') === 'report')).toEqual([]);
  });
});
