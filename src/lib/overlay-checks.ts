import { LOCALES, type Locale } from '../schemas/faq.ts';
import { PROTECTED_FIELDS, type ModelNote } from '../schemas/overlay.ts';
import type { Catalogue, SymptomEntry } from './catalogue-types.ts';
import { compactCode, normaliseCode } from './codes.ts';
import type { Problem } from './content-error.ts';

// The rules an overlay meets on top of the catalogue's own (catalogue-checks.ts): it adds to the
// shared catalogue and never takes anything from it.

export { compactCode };

/** Markup, or an HTML entity: overlay text is shown as typed, so it would appear literally. */
const HTML = /<\/?[a-z!][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** Refuses anything that looks like HTML in any field of a file, with its field path. */
export function checkNoHtml(value: unknown, file: string, problems: Problem[], field = ''): void {
  if (typeof value === 'string') {
    const found = HTML.exec(value);
    if (found) {
      problems.push({
        file,
        field: field || '-',
        message: `contains HTML ("${found[0]}")`,
        fix: 'write plain text: the widget shows every character as it is, so tags and entities would appear literally',
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkNoHtml(v, file, problems, field ? `${field}.${i}` : String(i)));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkNoHtml(v, file, problems, field ? `${field}.${k}` : k);
  }
}

/**
 * The codes of the shared table (faq/codes.yaml and every entry's codes), compacted: an overlay
 * never claims one, or a merchant typing "51" could be shown the vendor's text before the
 * catalogue's.
 */
export function sharedCodes(shared: Catalogue): Set<string> {
  const codes = new Set(Object.keys(shared.codeClasses));
  for (const locale of LOCALES) for (const entry of shared.symptoms[locale]) for (const code of entry.codes) codes.add(code);
  return new Set([...codes].map(compactCode));
}

/** The overlay's entries against the shared catalogue: their ids and their codes. */
export function checkAgainstShared(entries: Record<Locale, SymptomEntry[]>, shared: Catalogue, problems: Problem[]): void {
  const codes = sharedCodes(shared);
  const ids = new Set(LOCALES.flatMap((l) => shared.symptoms[l].map((s) => s.id)));
  for (const locale of LOCALES) {
    const claimed = new Map<string, { code: string; file: string }>();
    for (const entry of entries[locale]) {
      if (ids.has(entry.id)) {
        problems.push({
          file: entry.file,
          field: 'id',
          message: `"${entry.id}" is the id of a shared entry`,
          fix: `give the vendor's entry its own id, such as ${entry.id}-${entry.codes[0]?.toLowerCase() ?? 'vendor'}; to add steps for your models to the shared entry, write extends/${locale}/${entry.id}.yaml instead`,
        });
      }
      entry.codes.forEach((code, i) => {
        const compact = compactCode(code);
        const typed = normaliseCode(code);
        if (codes.has(compact)) {
          problems.push({
            file: entry.file,
            field: `codes.${i}`,
            message: `"${code}" is a response code of the shared table (faq/codes.yaml)`,
            fix: `remove it: the shared entry answers "${code}"; an overlay lists only the vendor's own codes`,
          });
        } else if (typed && codes.has(typed)) {
          problems.push({
            file: entry.file,
            field: `codes.${i}`,
            message: `typed alone, "${code}" reads as the shared response code "${typed}"`,
            fix: `write the code exactly as the terminal shows it, with its letters (such as "E${code}"); a shared code always finds the shared entry first`,
          });
        }
        const before = claimed.get(compact);
        // The same text twice is reported by checkSymptoms; here, two spellings of one code.
        if (before && before.code !== code) {
          problems.push({
            file: entry.file,
            field: `codes.${i}`,
            message: `"${code}" is the same code as "${before.code}" in ${before.file}: the lookup ignores case and hyphens`,
            fix: 'a code belongs to one entry: remove one of them',
          });
        } else if (!before) claimed.set(compact, { code, file: entry.file });
      });
    }
  }
}

/** A model note as read: its language, its file, the shared entry it extends. */
export interface NoteSource {
  locale: Locale;
  file: string;
  /** The shared entry's id: the file name. */
  id: string;
  /** The raw fields, before the schema: to explain a field that notes may not have. */
  raw: unknown;
  note: ModelNote | undefined;
}

/**
 * Model notes: each extends a shared entry that exists, in both languages, for the same models,
 * and touches nothing but steps. A field of the shared entry (such as `avoid`) gets its own
 * message: the schema alone would only say it is not a field.
 */
export function checkNotes(notes: NoteSource[], shared: Catalogue, problems: Problem[]): void {
  for (const source of notes) {
    const fields = source.raw && typeof source.raw === 'object' ? Object.keys(source.raw) : [];
    for (const field of fields.filter((f) => PROTECTED_FIELDS.includes(f))) {
      problems.push({
        file: source.file,
        field,
        message: `a model note cannot change the shared entry's ${field}`,
        fix: `remove ${field}: a note adds steps for some models, shown after the shared steps; the shared text, and above all its "what not to do", stays as it is`,
      });
    }
    if (!shared.symptoms[source.locale].some((s) => s.id === source.id)) {
      problems.push({
        file: source.file,
        field: '-',
        message: `"${source.id}" is not the id of any shared entry`,
        fix: 'name the file after the shared entry it extends, such as extends/zh/out-of-paper.yaml (see the file names in faq/symptoms/)',
      });
    }
  }
  const [first] = LOCALES;
  for (const source of notes) {
    for (const other of LOCALES) {
      if (other === source.locale) continue;
      const twin = notes.find((n) => n.locale === other && n.id === source.id);
      const missing = source.file.replace(`extends/${source.locale}/`, `extends/${other}/`);
      if (!twin) {
        problems.push({
          file: source.file,
          field: '-',
          message: `the note on "${source.id}" exists in ${source.locale} only`,
          fix: `write ${missing}; every note exists in both languages`,
        });
      } else if (source.locale === first && source.note && twin.note) {
        if (JSON.stringify(source.note.models) !== JSON.stringify(twin.note.models)) {
          problems.push({
            file: twin.file,
            field: 'models',
            message: `${JSON.stringify(twin.note.models)} differs from ${JSON.stringify(source.note.models)} in ${source.file}`,
            fix: 'name the same models in both languages, as printed on the terminal',
          });
        }
      }
    }
  }
}
