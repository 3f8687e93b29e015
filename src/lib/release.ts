import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale } from '../schemas/faq.ts';
import { releaseSchema, WATCHED_FIELDS, type Release, type ReleasedFile } from '../schemas/release.ts';
import type { SymptomEntry } from './catalogue-types.ts';
import type { Problem } from './content-error.ts';
import { readFile, validate } from './content-files.ts';

/** The file that records the last release, in the content folder. */
export const RELEASE_FILE = 'release.json';

/** A short hash of a field's value as loaded (so re-indenting or re-quoting YAML changes nothing). */
export function fieldHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function released(entry: SymptomEntry): ReleasedFile {
  return {
    steps: fieldHash(entry.steps),
    avoid: fieldHash(entry.avoid),
    escalate: fieldHash(entry.escalate),
    changes: entry.changes.length,
  };
}

/** The release record of the content as it is now (`npm run release`). */
export function recordRelease(symptoms: Record<Locale, SymptomEntry[]>, date: string): Release {
  const entries: Release['entries'] = {};
  for (const locale of LOCALES) {
    for (const entry of [...symptoms[locale]].sort((a, b) => a.id.localeCompare(b.id))) {
      (entries[entry.id] ??= {})[locale] = released(entry);
    }
  }
  return { date, entries: Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) };
}

/** Reads `faq/release.json`; without one (a new content folder, the tests' fixture) there is no rule to apply. */
export function readRelease(root: string, rel: (p: string) => string, problems: Problem[]): Release | undefined {
  const path = join(root, RELEASE_FILE);
  if (!existsSync(path)) return undefined;
  const raw = readFile(path, '.json', rel, problems, JSON.parse);
  return raw ? validate(releaseSchema, raw, problems) : undefined;
}

/**
 * The change rule: an entry whose steps, avoid or escalate differ from the last release must have
 * more `changes:` lines than it had then. Also keeps each list newest first.
 */
export function checkChanges(symptoms: Record<Locale, SymptomEntry[]>, release: Release | undefined, problems: Problem[]): void {
  for (const locale of LOCALES) {
    for (const entry of symptoms[locale]) {
      entry.changes.forEach((change, i) => {
        const previous = entry.changes[i - 1];
        if (previous && previous.date < change.date) {
          problems.push({
            file: entry.file,
            field: `changes.${i}`,
            message: `${change.date} comes after ${previous.date}, an older date`,
            fix: 'list the changes newest first: put the new line at the top of changes',
          });
        }
      });
      const before = release?.entries[entry.id]?.[locale];
      if (!before || entry.changes.length > before.changes) continue;
      const now = released(entry);
      for (const field of WATCHED_FIELDS) {
        if (now[field] === before[field]) continue;
        problems.push({
          file: entry.file,
          field,
          message: `changed since the release of ${release!.date} (faq/${RELEASE_FILE}) without a new line in changes`,
          fix:
            `tell readers: add at the top of changes a line "- { date: YYYY-MM-DD, note: … }" saying in one sentence what changed and what they now do ` +
            '(a fix readers need not hear of, such as a typo, is recorded instead by a maintainer with npm run release; see faq/README.md, "Recording a change")',
        });
      }
    }
  }
}
