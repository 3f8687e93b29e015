import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'astro/zod';
import {
  LOCALES,
  TOPICS,
  symptomSchema,
  topicSchema,
  type Locale,
  type Symptom,
  type Topic,
} from '../schemas/faq.ts';
import { ContentError, type Problem } from './content-error.ts';
import { renderTopic, type TopicSection } from './render-topic.ts';
import { POLICY_FIX, policyViolation } from './content-policy.ts';
import { sitePaths } from './routes.ts';
import { diagnoseFileSchema } from '../schemas/diagnose.ts';
import { checkDiagnosis, diagnosePaths, type DiagnoseSource, type Diagnosis } from './diagnose.ts';

export interface SymptomEntry extends Symptom {
  locale: Locale;
  file: string;
}

export interface TopicPage {
  slug: Topic;
  locale: Locale;
  file: string;
  title: string;
  description: string;
  introHtml: string;
  sections: TopicSection[];
}

export interface Catalogue {
  symptoms: Record<Locale, SymptomEntry[]>;
  topics: Record<Locale, TopicPage[]>;
  /** The guided diagnosis: one decision tree per language. */
  diagnosis: Record<Locale, Diagnosis>;
}

/** Fields that describe the entry rather than its wording: both languages must agree on them. */
const SHARED_FIELDS = ['category', 'actors', 'codes', 'related'] as const;

interface Raw {
  file: string;
  name: string;
  data: unknown;
}

/**
 * Reads and checks everything under `root` (normally `faq/`). Throws a ContentError that lists
 * every problem, each with its file, field and fix; returns the catalogue otherwise.
 */
export function loadCatalogue(root: string, cwd = process.cwd()): Catalogue {
  const problems: Problem[] = [];
  const rel = (p: string) => relative(cwd, p) || p;

  const symptoms = {} as Record<Locale, SymptomEntry[]>;
  // Files that exist, valid or not, so that one broken file is not also reported as missing.
  const present = new Set<string>();
  for (const locale of LOCALES) {
    const dir = join(root, 'symptoms', locale);
    symptoms[locale] = readFiles(dir, '.yaml', rel, problems).flatMap((raw) => {
      present.add(raw.file);
      const entry = validate(symptomSchema, raw, problems);
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
  checkSymptoms(symptoms, present, problems);
  const diagnoseSources = readDiagnosis(root, rel, problems);
  const diagnosis = checkDiagnosis(
    diagnoseSources,
    (locale, id) => present.has(rel(join(root, 'symptoms', locale, `${id}.yaml`))),
    problems,
  );

  // Links may point to entries that exist but failed validation: those are reported once, above.
  const routes = sitePaths(
    [...present].map((file) => basename(file, '.yaml')),
    diagnosePaths(diagnoseSources.map((s) => ({ start: s.data.start, ids: Object.keys(s.data.questions) }))),
  );
  const topics = {} as Record<Locale, TopicPage[]>;
  for (const locale of LOCALES) {
    const dir = join(root, 'topics', locale);
    const pages: TopicPage[] = [];
    for (const raw of readFiles(dir, '.md', rel, problems, splitFrontmatter)) {
      if (!(TOPICS as readonly string[]).includes(raw.name)) {
        problems.push({
          file: raw.file,
          field: '-',
          message: `"${raw.name}" is not one of the topic pages`,
          fix: `name the file after a topic: ${TOPICS.join(', ')}`,
        });
        continue;
      }
      const { frontmatter, body, offset } = raw.data as ReturnType<typeof splitFrontmatter>;
      const meta = validate(topicSchema, { ...raw, data: frontmatter }, problems);
      checkPolicy({ ...(frontmatter as object), body }, raw.file, problems);
      if (!meta) continue;
      const rendered = renderTopic(body, { locale, routes, file: raw.file, offset });
      problems.push(...rendered.problems);
      pages.push({ slug: raw.name as Topic, locale, file: raw.file, ...meta, ...rendered });
    }
    pages.sort((a, b) => TOPICS.indexOf(a.slug) - TOPICS.indexOf(b.slug));
    topics[locale] = pages;
  }
  for (const locale of LOCALES) {
    for (const slug of TOPICS) {
      if (!topics[locale].some((t) => t.slug === slug)) {
        const file = rel(join(root, 'topics', locale, `${slug}.md`));
        if (!problems.some((p) => p.file === file)) {
          problems.push({
            file,
            field: '-',
            message: `the ${locale} "${slug}" topic page is missing`,
            fix: `write ${file}; every topic exists in ${LOCALES.join(' and ')}`,
          });
        }
      }
    }
  }

  if (problems.length || !diagnosis) throw new ContentError(problems);
  return { symptoms, topics, diagnosis };
}

/**
 * Reads `faq/diagnose/<lang>.yaml`, one decision tree per language, and checks each against the
 * schema; the graph checks (dead ends, loops, depth, both languages alike) run in checkDiagnosis.
 */
function readDiagnosis(root: string, rel: (p: string) => string, problems: Problem[]): DiagnoseSource[] {
  const dir = join(root, 'diagnose');
  const sources: DiagnoseSource[] = [];
  for (const raw of readFiles(dir, '.yaml', rel, problems)) {
    if (!(LOCALES as readonly string[]).includes(raw.name)) {
      problems.push({
        file: raw.file,
        field: '-',
        message: `"${raw.name}" is not one of the languages`,
        fix: `name the file after its language: ${LOCALES.map((l) => `${l}.yaml`).join(' or ')}`,
      });
      continue;
    }
    const data = validate(diagnoseFileSchema, raw, problems);
    checkPolicy(raw.data, raw.file, problems);
    if (data) sources.push({ locale: raw.name as Locale, file: raw.file, data });
  }
  for (const locale of LOCALES) {
    if (existsSync(join(dir, `${locale}.yaml`))) continue;
    const file = rel(join(dir, `${locale}.yaml`));
    problems.push({
      file,
      field: '-',
      message: `the ${locale} diagnosis is missing`,
      fix: `write ${file}: copy the other language's file and write its wording (see faq/README.md)`,
    });
  }
  // Report in the languages' order (zh first), not the file system's.
  return sources.sort((a, b) => LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale));
}

function readFiles(
  dir: string,
  ext: string,
  rel: (p: string) => string,
  problems: Problem[],
  parse: (text: string) => unknown = parseYaml,
): Raw[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .flatMap((f) => {
      const file = rel(join(dir, f));
      try {
        return [{ file, name: f.slice(0, -ext.length), data: parse(readFileSync(join(dir, f), 'utf8')) }];
      } catch (error) {
        const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
        problems.push({
          file,
          field: '-',
          message: `cannot be read${where}: ${(error as Error).message.split('\n')[0]}`,
          fix: 'check the indentation and quote values that contain ": " or start with a special character',
        });
        return [];
      }
    });
}

/** Splits `---` YAML frontmatter from a Markdown body; `offset` is the body's first line - 1. */
function splitFrontmatter(text: string): { frontmatter: unknown; body: string; offset: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { frontmatter: undefined, body: text, offset: 0 };
  const offset = match[0].split('\n').length - 1;
  return { frontmatter: parseYaml(match[1] ?? ''), body: text.slice(match[0].length), offset };
}

function validate<S extends z.ZodType>(schema: S, raw: Raw, problems: Problem[]): z.output<S> | undefined {
  if (raw.data === null || typeof raw.data !== 'object') {
    problems.push({
      file: raw.file,
      field: '-',
      message: 'is empty or is not a set of fields',
      fix: 'start from an existing file of the same kind; see faq/README.md',
    });
    return undefined;
  }
  const result = schema.safeParse(raw.data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file: raw.file, ...describeIssue(issue) });
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): Omit<Problem, 'file'> {
  const field = issue.path.join('.') || '-';
  if ('input' in issue && issue.input === undefined && issue.path.length > 0) {
    return { field, message: 'is missing', fix: `add the field "${field}" (see faq/README.md)` };
  }
  switch (issue.code) {
    case 'invalid_type':
      return {
        field,
        message: `should be ${article(issue.expected)}, not ${describeValue(issue.input)}`,
        fix: issue.expected === 'array' ? `write it as a list: ${field}: [ … ] or one "- item" per line` : `write it as ${article(issue.expected)}`,
      };
    case 'invalid_value':
      return {
        field,
        message: `"${String(issue.input)}" is not allowed`,
        fix: `use one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'unrecognized_keys':
      return {
        field: issue.keys.join(', '),
        message: 'is not a field of this kind of file',
        fix: 'remove it, or check its spelling against faq/README.md',
      };
    case 'too_big':
      return { field, message: issue.message, fix: `shorten it to at most ${String(issue.maximum)}` };
    case 'too_small':
      return { field, message: issue.message, fix: `give it at least ${String(issue.minimum)}` };
    default:
      return { field, message: issue.message, fix: 'correct the value; faq/README.md shows the format' };
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  return `${typeof value === 'object' ? 'a set of fields' : `the ${typeof value} ${JSON.stringify(value)}`}`;
}

/** Applies the content policy to every string in a file's fields. */
function checkPolicy(value: unknown, file: string, problems: Problem[], field = ''): void {
  if (typeof value === 'string') {
    const violation = policyViolation(value);
    if (violation) problems.push({ file, field: field || '-', message: violation, fix: POLICY_FIX });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => checkPolicy(v, file, problems, field ? `${field}.${i}` : String(i)));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkPolicy(v, file, problems, field ? `${field}.${k}` : k);
  }
}

/** Checks that need every entry at once: language pairs, unique codes, references. */
function checkSymptoms(
  symptoms: Record<Locale, SymptomEntry[]>,
  present: ReadonlySet<string>,
  problems: Problem[],
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
        if (!byLocale[locale].has(id) && !present.has(target)) {
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
