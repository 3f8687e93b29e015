import { join } from 'node:path';
import type { z } from 'astro/zod';
import { LOCALES, type Locale, type Symptom } from '../schemas/faq.ts';
import type { SymptomEntry } from './catalogue-types.ts';
import { checkPolicy } from './catalogue-checks.ts';
import type { Problem } from './content-error.ts';
import { readFiles, validate, type Raw } from './content-files.ts';

/**
 * Reads `symptoms/<lang>/*.yaml` under `root` (the catalogue's `faq/`, or a vendor overlay) with
 * `schema`: each file checked against it, its id against its file name, its text against the
 * content policy. `onFile` sees every file read, valid or not. Returns the valid entries, and the
 * files that exist, valid or not, so that one broken file is not also reported as missing.
 */
export function readSymptoms<S extends z.ZodType<Symptom>>(
  root: string,
  schema: S,
  rel: (p: string) => string,
  problems: Problem[],
  onFile: (raw: Raw) => void = () => {},
): { symptoms: Record<Locale, SymptomEntry[]>; present: Set<string> } {
  const symptoms = {} as Record<Locale, SymptomEntry[]>;
  const present = new Set<string>();
  for (const locale of LOCALES) {
    const dir = join(root, 'symptoms', locale);
    symptoms[locale] = readFiles(dir, '.yaml', rel, problems).flatMap((raw) => {
      present.add(raw.file);
      onFile(raw);
      const entry = validate(schema, raw, problems);
      if (!entry) return [];
      if (entry.id !== raw.name) {
        problems.push({
          file: raw.file,
          field: 'id',
          message: `id "${entry.id}" does not match the file name "${raw.name}.yaml"`,
          fix: `rename the file to ${entry.id}.yaml or set id: ${raw.name}`,
        });
        return [];
      }
      checkPolicy(entry, raw.file, problems);
      return [{ ...entry, locale, file: raw.file }];
    });
  }
  return { symptoms, present };
}
