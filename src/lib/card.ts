import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cardSchema, type CardText } from '../schemas/card.ts';
import { LOCALES, type Locale } from '../schemas/faq.ts';
import type { SymptomEntry } from './catalogue.ts';
import { checkPolicy } from './catalogue-checks.ts';
import { ContentError, type Problem } from './content-error.ts';
import { readFile, validate } from './content-files.ts';

/** One line of the card's code list: the codes that share an entry, printed together. */
export interface CardCodeRow {
  codes: string[];
  entry: SymptomEntry;
}

/** The quick card of one language, ready to print. */
export interface QuickCard {
  text: CardText;
  codes: CardCodeRow[];
  symptoms: SymptomEntry[];
}

/**
 * Reads `faq/card.yaml` and checks it against the catalogue: every code belongs to an entry, every
 * symptom exists, each in both languages. The card is optional (a content folder without one builds
 * no card pages); a card that is there and wrong fails the build with file, field and fix.
 */
export function loadCard(
  root: string,
  symptoms: Record<Locale, readonly SymptomEntry[]>,
  cwd = process.cwd(),
): Record<Locale, QuickCard> | undefined {
  if (!existsSync(join(root, 'card.yaml'))) return undefined;
  const problems: Problem[] = [];
  const rel = (p: string) => relative(cwd, p) || p;
  const raw = readFile(join(root, 'card.yaml'), '.yaml', rel, problems);
  const data = raw ? validate(cardSchema, raw, problems) : undefined;
  if (raw) checkPolicy(raw.data, raw.file, problems);
  if (!raw || !data) throw new ContentError(problems);

  const report = (field: string, message: string, fix: string) => problems.push({ file: raw.file, field, message, fix });
  const cards = {} as Record<Locale, QuickCard>;
  for (const locale of LOCALES) {
    const byCode = new Map(symptoms[locale].flatMap((e) => e.codes.map((c) => [c, e] as const)));
    const byId = new Map(symptoms[locale].map((e) => [e.id, e]));
    const rows = new Map<string, CardCodeRow>();
    data.codes.forEach((code, i) => {
      const entry = byCode.get(code);
      if (!entry) {
        if (locale === LOCALES[0]) report(`codes.${i}`, `no entry explains code "${code}"`, 'use a code from the codes page, or write its entry first');
        return;
      }
      const row: CardCodeRow = rows.get(entry.id) ?? { codes: [], entry };
      if (row.codes.includes(code)) report(`codes.${i}`, `code "${code}" is listed twice`, 'remove the second one');
      else row.codes.push(code);
      rows.set(entry.id, row);
    });
    const shown = data.symptoms.flatMap((id, i) => {
      const entry = byId.get(id);
      if (!entry) report(`symptoms.${i}`, `there is no ${locale} entry "${id}"`, `use a file name from faq/symptoms/${locale}/`);
      return entry ? [entry] : [];
    });
    cards[locale] = { text: data[locale], codes: [...rows.values()], symptoms: shown };
  }
  if (problems.length) throw new ContentError(problems);
  return cards;
}
