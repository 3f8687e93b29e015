import { resolve } from 'node:path';
import { CATEGORIES, type Category, type Locale } from '../schemas/faq.ts';
import { loadCatalogue, type Catalogue, type SymptomEntry } from './catalogue.ts';
import { compareCodes } from './codes.ts';
import type { CodeClass, Move } from '../schemas/codes.ts';
import { nextMove } from './next-move.ts';
import { loadCard, type QuickCard } from './card.ts';
import { buildCached } from './build-cache.ts';

let cached: Catalogue | undefined;
let cachedCard: { card: Record<Locale, QuickCard> | undefined } | undefined;

// POS_FAQ_CONTENT points the build at another content folder (the tests' fixtures).
const contentRoot = () => process.env['POS_FAQ_CONTENT'] ?? 'faq';

/**
 * The catalogue, loaded and checked once per build: the pages and the integrations share it
 * (src/lib/build-cache.ts).
 */
export function catalogue(): Catalogue {
  cached ??= buildCached(`catalogue:${resolve(contentRoot())}`, () => loadCatalogue(contentRoot()));
  return cached;
}

/** The printable quick card of a language, or undefined when the content has none. */
export function quickCard(locale: Locale): QuickCard | undefined {
  cachedCard ??= { card: loadCard(contentRoot(), catalogue().symptoms) };
  return cachedCard.card?.[locale];
}

export function symptom(locale: Locale, id: string): SymptomEntry {
  const found = catalogue().symptoms[locale].find((s) => s.id === id);
  if (!found) throw new Error(`No ${locale} symptom entry "${id}"`);
  return found;
}

/** Entries grouped by category, in the catalogue's category order, titles sorted within. */
export function byCategory(locale: Locale): { category: Category; entries: SymptomEntry[] }[] {
  const collator = new Intl.Collator(locale === 'zh' ? 'zh-CN' : 'en');
  return CATEGORIES.map((category) => ({
    category,
    entries: catalogue()
      .symptoms[locale].filter((s) => s.category === category)
      .sort((a, b) => compareCodes(a.codes[0], b.codes[0]) || collator.compare(a.title, b.title)),
  })).filter((group) => group.entries.length > 0);
}

/**
 * One row per response code, in code order, each with the entry that explains it, the cashier's
 * next move (the quick card's, from next-move.ts) and its UnionPay class.
 */
export function codeRows(locale: Locale): { code: string; entry: SymptomEntry; move: Move; cls: CodeClass }[] {
  const all = catalogue();
  return all.symptoms[locale]
    // The catalogue's check guarantees a class for every code an entry claims.
    .flatMap((entry) => entry.codes.map((code) => ({ code, entry, move: nextMove(code, entry, all), cls: all.codeClasses[code]! })))
    .sort((a, b) => compareCodes(a.code, b.code));
}
