import { CODE_CLASSES, SUCCESS_CODE, type CodeClass, type CodeClasses, type Move } from '../schemas/codes.ts';
import { LOCALES, responseCode, type Locale } from '../schemas/faq.ts';
import type { SymptomEntry } from './catalogue-types.ts';
import type { Problem } from './content-error.ts';
import { POLICY_FIX, policyViolation } from './content-policy.ts';

/** Fields that describe the entry rather than its wording: both languages must agree on them. */
const SHARED_FIELDS = ['category', 'actors', 'codes', 'related'] as const;

/** Fields that hold a YYYY-MM-DD date, which the phone-number pattern would otherwise catch. */
const DATE_FIELDS = new Set(['reviewed', 'date']);

/** Applies the content policy to every string in a file's fields. */
export function checkPolicy(value: unknown, file: string, problems: Problem[], field = ''): void {
  // Dates are the editors' metadata, not text for readers.
  if (DATE_FIELDS.has(field.split('.').at(-1) ?? '')) return;
  if (typeof value === 'string') {
    const violation = policyViolation(value);
    if (violation) problems.push({ file, field: field || '-', message: violation, fix: POLICY_FIX });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkPolicy(v, file, problems, field ? `${field}.${i}` : String(i)));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkPolicy(v, file, problems, field ? `${field}.${k}` : k);
  }
}

/**
 * Checks that need every entry at once: language pairs, unique codes, references. `elsewhere`
 * says whether an id in `related` names an entry outside these (a vendor overlay may point to the
 * shared catalogue's entries).
 */
export function checkSymptoms(
  symptoms: Record<Locale, SymptomEntry[]>,
  present: ReadonlySet<string>,
  problems: Problem[],
  elsewhere: (locale: Locale, id: string) => boolean = () => false,
): void {
  const [first, ...others] = LOCALES;
  const byLocale = Object.fromEntries(
    LOCALES.map((l) => [l, new Map(symptoms[l].map((s) => [s.id, s]))]),
  ) as Record<Locale, Map<string, SymptomEntry>>;

  for (const locale of LOCALES) {
    for (const entry of symptoms[locale]) {
      for (const other of LOCALES) {
        const missing = entry.file.replace(`symptoms/${locale}/`, `symptoms/${other}/`);
        if (other === locale || byLocale[other].has(entry.id) || present.has(missing)) continue;
        problems.push({
          file: entry.file,
          field: 'id',
          message: `entry "${entry.id}" exists in ${locale} only`,
          fix: `write ${missing}; every entry exists in both languages`,
        });
      }
    }
  }

  for (const entry of symptoms[first]) {
    for (const locale of others) {
      const twin = byLocale[locale].get(entry.id);
      if (!twin) continue;
      for (const field of SHARED_FIELDS) {
        if (JSON.stringify(entry[field]) !== JSON.stringify(twin[field])) {
          problems.push({
            file: twin.file,
            field,
            message: `${JSON.stringify(twin[field])} differs from ${JSON.stringify(entry[field])} in ${entry.file}`,
            fix: `make ${field} the same in both languages`,
          });
        }
      }
    }
  }

  for (const locale of LOCALES) {
    const owner = new Map<string, SymptomEntry>();
    for (const entry of symptoms[locale]) {
      for (const code of entry.codes) {
        const previous = owner.get(code);
        if (previous) {
          problems.push({
            file: entry.file,
            field: 'codes',
            message: `code "${code}" is already claimed by ${previous.file}`,
            fix: `a code belongs to one entry: remove "${code}" here or there`,
          });
        } else owner.set(code, entry);
      }
      entry.related.forEach((id, i) => {
        const target = entry.file.replace(/[^/]+\.yaml$/, `${id}.yaml`);
        if (!byLocale[locale].has(id) && !present.has(target) && !elsewhere(locale, id)) {
          problems.push({
            file: entry.file,
            field: `related.${i}`,
            message: `"${id}" is not the id of any entry`,
            fix: 'use the file name (without .yaml) of an existing entry, or remove it',
          });
        } else if (id === entry.id) {
          problems.push({ file: entry.file, field: `related.${i}`, message: 'points to the entry itself', fix: 'remove it' });
        }
      });
    }
  }
}

/**
 * `faq/codes.yaml` against the entries: every key is a two-character code, "00" is there with
 * class A, and every code an entry claims has a class. Returns the classes and the moves set by
 * hand, or undefined when the file could not be read.
 */
export function checkCodeClasses(
  { file, data }: { file: string; data: CodeClasses | undefined },
  symptoms: Record<Locale, SymptomEntry[]>,
  problems: Problem[],
): { classes: Readonly<Record<string, CodeClass>>; moves: Readonly<Record<string, Move>> } | undefined {
  if (!data) return undefined;
  const classes: Record<string, CodeClass> = {};
  const moves: Record<string, Move> = {};
  for (const [code, line] of Object.entries(data)) {
    const cls = line.class;
    if (!responseCode.safeParse(code).success) {
      const quoted = /^\d$/.test(code) ? `"0${code}"` : `"${code.toUpperCase().padStart(2, '0')}"`;
      problems.push({
        file,
        field: code,
        message: `"${code}" is not a two-character response code`,
        fix: `quote the code so YAML keeps its leading zero, like ${quoted}: ${cls}`,
      });
    } else {
      classes[code] = cls;
      if (line.move) moves[code] = line.move;
    }
  }
  if (classes[SUCCESS_CODE] !== 'A') {
    problems.push({
      file,
      field: SUCCESS_CODE,
      message: classes[SUCCESS_CODE] ? `"00" (approved) has class ${classes[SUCCESS_CODE]}` : '"00" (approved) is missing',
      fix: 'add the line "00": A; the codes page shows it as its first row',
    });
  }
  const claimed = new Map<string, string>();
  for (const locale of LOCALES) for (const entry of symptoms[locale]) for (const code of entry.codes) if (!claimed.has(code)) claimed.set(code, entry.file);
  for (const [code, entryFile] of claimed) {
    if (classes[code]) continue;
    problems.push({
      file,
      field: code,
      message: `code "${code}" (claimed by ${entryFile}) has no class`,
      fix: `add "${code}": <class> with the class from the UnionPay table: ${CODE_CLASSES.join(', ')} (see faq/README.md)`,
    });
  }
  return { classes, moves };
}
