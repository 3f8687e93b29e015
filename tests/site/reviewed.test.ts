import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { monthOf } from '../../src/lib/review.ts';
import { DIST } from '../helpers/build.ts';
import { attr, readPage } from '../helpers/html.ts';
import { offlineBundle } from '../helpers/offline.ts';

const catalogue = loadCatalogue('faq');
const label = { zh: (m: string) => `核对于 ${m}`, en: (m: string) => `Checked ${m}` };

/** The "checked" line of a built page: its machine date and what the reader sees. */
function checkedOn(root: string, path: string): { datetime: string | undefined; text: string } | undefined {
  const page = readPage(root, path);
  const p = page.one('p', (el) => attr(el, 'className') === 'checked' || attr(el, 'className') === 'qc-checked');
  const time = p?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'time');
  return time ? { datetime: attr(time, 'dateTime') as string | undefined, text: page.text(time) } : undefined;
}

describe.each(['zh', 'en'] as const)('when the %s texts were checked', (lang) => {
  it('shows on every entry page and topic page, as the month it was checked', () => {
    const pages = [
      ...catalogue.symptoms[lang].map((e) => ({ path: `${lang}/symptoms/${e.id}/index.html`, reviewed: e.reviewed })),
      ...catalogue.topics[lang].map((t) => ({ path: `${lang}/${t.slug}/index.html`, reviewed: t.reviewed })),
    ];
    expect(pages.length).toBeGreaterThanOrEqual(140);
    for (const { path, reviewed } of pages) {
      expect(checkedOn(DIST, path), path).toEqual({ datetime: reviewed, text: label[lang](monthOf(lang, reviewed)) });
    }
  });

  it('shows on the quick card, and in the offline copy', async () => {
    const card = checkedOn(DIST, `${lang}/card/index.html`);
    expect(card?.text).toMatch(lang === 'zh' ? /^卡上内容核对于 \d{4} 年 \d{1,2} 月/ : /^Checked (between )?[A-Z][a-z]+ \d{4}/);
    const { folder } = await offlineBundle();
    const entry = catalogue.symptoms[lang][0]!;
    expect(checkedOn(folder, `${lang}/symptoms/${entry.id}/index.html`)?.datetime).toBe(entry.reviewed);
  });
});
