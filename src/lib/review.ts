import type { Category, Locale } from '../schemas/faq.ts';
import type { Catalogue } from './catalogue-types.ts';

/**
 * How many months an entry stays trustworthy after an editor checked it, by category: fees,
 * limits, account rules and scams change with each notice from the regulators and acquirers;
 * hardware and printers hardly change. Topic pages are general and keep a year.
 */
export const REVIEW_MONTHS: Readonly<Record<Category | 'topic', number>> = {
  account: 6,
  security: 6,
  transaction: 9,
  card: 12,
  host: 12,
  signon: 12,
  network: 12,
  hardware: 24,
  printer: 24,
  topic: 12,
};

/** A text that is due for another check: its file, when it was checked and when it fell due. */
export interface DueReview {
  file: string;
  reviewed: string;
  due: string;
}

/** The date `months` after an ISO date (YYYY-MM-DD), as an ISO date. */
export function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Every entry and topic page whose review has fallen due by `today`, oldest first. */
export function dueForReview(catalogue: Pick<Catalogue, 'symptoms' | 'topics'>, today: string): DueReview[] {
  const texts = Object.values(catalogue.symptoms)
    .flat()
    .map((e) => ({ file: e.file, reviewed: e.reviewed, months: REVIEW_MONTHS[e.category] }))
    .concat(Object.values(catalogue.topics).flat().map((p) => ({ file: p.file, reviewed: p.reviewed, months: REVIEW_MONTHS.topic })));
  return texts
    .map(({ file, reviewed, months }) => ({ file, reviewed, due: addMonths(reviewed, months) }))
    .filter((r) => r.due <= today)
    .sort((a, b) => a.due.localeCompare(b.due) || a.file.localeCompare(b.file));
}

/** "2026 年 12 月" / "December 2026": the month a text was checked, as readers see it. */
export function monthOf(locale: Locale, iso: string): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  if (locale === 'zh') return `${year} 年 ${month} 月`;
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
