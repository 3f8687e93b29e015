import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formKey } from '../plugins/rehype-glossary-links.ts';
import { LOCALES, type Locale } from '../schemas/faq.ts';
import { glossaryFileSchema, type GlossaryTerm } from '../schemas/glossary.ts';
import type { GlossaryEntry } from './catalogue-types.ts';
import { checkPolicy } from './catalogue-checks.ts';
import type { Problem } from './content-error.ts';
import { readLocaleFiles, validate } from './content-files.ts';


/** Fields that say what the term is rather than how it is worded: both languages agree on them. */
const SHARED_FIELDS = ['group', 'see', 'entries'] as const;

/** Anchors the glossary page uses for itself (the skip link's target, the sections). */
const RESERVED_IDS = /^(main|glossary-sections|group-.*)$/;

/** Markup that would be shown literally on the page, since glossary text is plain text. */
const MARKUP: { what: string; pattern: RegExp }[] = [
  { what: 'an HTML tag', pattern: /<\/?[a-z][^>]*>/i },
  { what: 'a Markdown link', pattern: /\]\(|\[[^\]]+\]\[/ },
  { what: 'Markdown emphasis or code', pattern: /\*\*|__|`/ },
];

/**
 * Reads `faq/glossary/<lang>.yaml` (one file per language, every term in it) and checks it:
 * the schema, plain text, unique ids, each form linked to one term only, `see` and `entries`
 * that exist, and the same terms in both languages. Returns the terms of each language.
 */
export function readGlossary(
  root: string,
  rel: (p: string) => string,
  problems: Problem[],
  entryExists: (locale: Locale, id: string) => boolean,
): Record<Locale, GlossaryEntry[]> {
  const dir = join(root, 'glossary');
  const glossary = Object.fromEntries(LOCALES.map((l) => [l, []])) as unknown as Record<Locale, GlossaryEntry[]>;
  for (const raw of readLocaleFiles(dir, rel, problems)) {
    const locale = raw.name;
    checkPolicy(raw.data, raw.file, problems);
    const data = validate(glossaryFileSchema, raw, problems);
    if (!data) continue;
    glossary[locale] = data.terms.map((term, i) => ({ ...term, locale, file: raw.file, field: `terms.${i}` }));
    checkTerms(glossary[locale], (id) => entryExists(locale, id), problems);
  }
  for (const locale of LOCALES) {
    if (existsSync(join(dir, `${locale}.yaml`))) continue;
    const file = rel(join(dir, `${locale}.yaml`));
    problems.push({
      file,
      field: '-',
      message: `the ${locale} glossary is missing`,
      fix: `write ${file}: copy the other language's file and write its wording (see faq/README.md)`,
    });
  }
  compareLanguages(glossary, problems);
  return glossary;
}

/** The forms of a term that link to it: the headword, the other names and the extra forms. */
export function termForms(term: Pick<GlossaryTerm, 'term' | 'also' | 'match'>): string[] {
  return [term.term, ...term.also, ...term.match];
}

function checkTerms(terms: GlossaryEntry[], entryExists: (id: string) => boolean, problems: Problem[]): void {
  const ids = new Map<string, GlossaryEntry>();
  const forms = new Map<string, { term: GlossaryEntry; form: string }>();
  for (const term of terms) {
    const { file, field } = term;
    const previous = ids.get(term.id);
    if (RESERVED_IDS.test(term.id)) {
      problems.push({
        file,
        field: `${field}.id`,
        message: `"${term.id}" is already an anchor of the glossary page itself`,
        fix: 'choose another id: main, glossary-sections and group-… are taken',
      });
    } else if (previous) {
      problems.push({
        file,
        field: `${field}.id`,
        message: `id "${term.id}" is already used by ${previous.field} ("${previous.term}")`,
        fix: 'give each term its own id, or merge the two terms into one',
      });
    } else ids.set(term.id, term);

    for (const key of ['term', 'text', 'also', 'match', 'except'] as const) {
      const values = ([] as string[]).concat(term[key]);
      values.forEach((value, i) => {
        const markup = MARKUP.find((m) => m.pattern.test(value));
        if (!markup) return;
        problems.push({
          file,
          field: Array.isArray(term[key]) ? `${field}.${key}.${i}` : `${field}.${key}`,
          message: `contains ${markup.what} ("${markup.pattern.exec(value)![0]}"); glossary text is plain text`,
          fix: 'write it as plain text: the page shows it as it is, and links to other terms go in "see"',
        });
      });
    }

    const own = new Set<string>();
    const named = [
      { key: 'term', values: [term.term] },
      { key: 'also', values: term.also },
      { key: 'match', values: term.match },
    ] as const;
    for (const { key, values } of named) {
      values.forEach((form, i) => {
        const where = key === 'term' ? `${field}.term` : `${field}.${key}.${i}`;
        const normal = formKey(form);
        if (!normal) {
          problems.push({ file, field: where, message: 'has no letters to match', fix: 'write the word itself' });
          return;
        }
        const claimed = forms.get(normal);
        if (claimed && claimed.term !== term) {
          problems.push({
            file,
            field: where,
            message: `"${form}" is already a form of "${claimed.term.term}" (${claimed.term.field}, "${claimed.form}")`,
            fix: 'a word links to one term only: remove it here or there',
          });
        } else if (claimed) {
          problems.push({
            file,
            field: where,
            message: `"${form}" matches the same text as "${claimed.form}" of this term`,
            fix: 'remove it: case, spaces and hyphens do not matter when terms are matched',
          });
        } else forms.set(normal, { term, form });
        own.add(normal);
      });
    }
    term.except.forEach((phrase, i) => {
      const normal = formKey(phrase);
      if (![...own].some((form) => normal.includes(form)) || own.has(normal)) {
        problems.push({
          file,
          field: `${field}.except.${i}`,
          message: `"${phrase}" does not contain one of the term's forms, or is one`,
          fix: `"except" lists longer phrases around a form of "${term.term}" that mean something else; remove it`,
        });
      }
    });
  }

  for (const term of terms) {
    term.see.forEach((id, i) => {
      if (id === term.id) {
        problems.push({ file: term.file, field: `${term.field}.see.${i}`, message: 'points to the term itself', fix: 'remove it' });
      } else if (!ids.has(id)) {
        problems.push({
          file: term.file,
          field: `${term.field}.see.${i}`,
          message: `"${id}" is not the id of any term in this file`,
          fix: 'use the id of a term of the glossary, or remove it',
        });
      }
    });
    term.entries.forEach((id, i) => {
      if (entryExists(id)) return;
      problems.push({
        file: term.file,
        field: `${term.field}.entries.${i}`,
        message: `"${id}" is not the id of any entry`,
        fix: 'use the file name (without .yaml) of an existing entry in faq/symptoms/, or remove it',
      });
    });
  }
}

/** Both languages hold the same terms, and agree on the fields that do not depend on wording. */
function compareLanguages(glossary: Record<Locale, GlossaryEntry[]>, problems: Problem[]): void {
  const [first, ...others] = LOCALES;
  const byId = Object.fromEntries(LOCALES.map((l) => [l, new Map(glossary[l].map((t) => [t.id, t]))])) as Record<
    Locale,
    Map<string, GlossaryEntry>
  >;
  for (const locale of LOCALES) {
    if (glossary[locale].length === 0) continue;
    for (const other of LOCALES) {
      if (other === locale || glossary[other].length === 0) continue;
      for (const term of glossary[locale]) {
        if (byId[other].has(term.id)) continue;
        problems.push({
          file: term.file,
          field: `${term.field}.id`,
          message: `term "${term.id}" exists in ${locale} only`,
          fix: `add it to faq/glossary/${other}.yaml with the same id; every term exists in both languages`,
        });
      }
    }
  }
  for (const term of glossary[first]) {
    for (const locale of others) {
      const twin = byId[locale].get(term.id);
      if (!twin) continue;
      for (const field of SHARED_FIELDS) {
        if (JSON.stringify(term[field]) !== JSON.stringify(twin[field])) {
          problems.push({
            file: twin.file,
            field: `${twin.field}.${field}`,
            message: `${JSON.stringify(twin[field])} differs from ${JSON.stringify(term[field])} in ${term.file}`,
            fix: `make ${field} the same in both languages`,
          });
        }
      }
    }
  }
}
