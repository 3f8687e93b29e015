import { Feed } from 'feed';
import { HTML_LANG, t } from '../i18n/index.ts';
import type { Change, Locale } from '../schemas/faq.ts';
import { SITE_URL } from '../site.config.ts';
import type { SymptomEntry } from './catalogue-types.ts';
import { buildInfo } from './build-info.ts';

/** One line of the change log with the entry it belongs to. */
export interface ChangeItem extends Change {
  entry: SymptomEntry;
  /** Its place in the entry's list, 0 being the newest: keeps ids and anchors stable. */
  index: number;
}

/** The site path of a language's list of changes, and its Atom feed. */
export const changesPath = (locale: Locale) => `/${locale}/changes/`;
export const feedPath = (locale: Locale) => `/${locale}/changes.xml`;

/** Every entry's changes, newest first; on one day, in the catalogue's title order. */
export function recentChanges(entries: readonly SymptomEntry[], locale: Locale): ChangeItem[] {
  const collator = new Intl.Collator(locale === 'zh' ? 'zh-CN' : 'en');
  return entries
    .flatMap((entry) => entry.changes.map((change, index) => ({ ...change, entry, index })))
    .sort((a, b) => b.date.localeCompare(a.date) || collator.compare(a.entry.title, b.entry.title) || a.index - b.index);
}

/** The anchor of a change on its entry's page. */
export const changeAnchor = (item: Pick<ChangeItem, 'date' | 'index'>, count: number) => `change-${item.date}-${count - item.index}`;

/**
 * A language's Atom feed of changes, built with the `feed` library. Its `updated` is the newest
 * change (or the build date when there is none), never the clock: two builds of one commit match.
 */
export function changesFeed(entries: readonly SymptomEntry[], locale: Locale): string {
  const items = recentChanges(entries, locale);
  const site = t(locale, 'site.name');
  const feed = new Feed({
    title: t(locale, 'changes.feedTitle', { site }),
    description: t(locale, 'changes.description'),
    id: `${SITE_URL}${changesPath(locale)}`,
    link: `${SITE_URL}${changesPath(locale)}`,
    language: HTML_LANG[locale],
    updated: day(items[0]?.date ?? buildInfo().date),
    generator: 'pos-faq',
    feedLinks: { atom: `${SITE_URL}${feedPath(locale)}` },
    favicon: `${SITE_URL}/favicon.svg`,
  });
  for (const item of items) {
    const url = `${SITE_URL}/${locale}/symptoms/${item.entry.id}/#${changeAnchor(item, item.entry.changes.length)}`;
    // The library marks titles and summaries as HTML: escaped, entry text stays text in any reader.
    feed.addItem({ title: asHtml(item.entry.title), id: url, link: url, description: asHtml(item.note), date: day(item.date) });
  }
  return feed.atom1();
}

function asHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function day(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
