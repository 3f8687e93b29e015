import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'astro/zod';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { LOCALES, type Locale } from '../schemas/faq.ts';
import type { Problem } from './content-error.ts';

/** A content file as read: its path for messages, its name without extension, its data. */
export interface Raw {
  file: string;
  name: string;
  data: unknown;
}

/** Reads every `ext` file in `dir`, in name order; one that cannot be parsed becomes a problem. */
export function readFiles(
  dir: string,
  ext: string,
  rel: (p: string) => string,
  problems: Problem[],
  parse: (text: string) => unknown = parseYamlOnce,
): Raw[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .flatMap((f) => readFile(join(dir, f), ext, rel, problems, parse) ?? []);
}

/**
 * YAML already parsed in this process, by its text: the tests read the catalogue in many files of
 * one worker, and parsing is the slow part (about 0.4 s for the catalogue), a copy of the result
 * is not. Keyed by the text itself, so an edited file is parsed again; shared through globalThis
 * by every copy of this module (the build bundles one for its pages); emptied when it grows past
 * a few thousand files (the scale benchmark's catalogues).
 */
const parsed: Map<string, unknown> = ((globalThis as { [k: symbol]: Map<string, unknown> })[Symbol.for('pos-faq.parsed-yaml')] ??= new Map());
function parseYamlOnce(text: string): unknown {
  if (!parsed.has(text)) {
    if (parsed.size >= 5000) parsed.clear();
    parsed.set(text, parseYaml(text));
  }
  return structuredClone(parsed.get(text));
}

/** Reads one content file; one that cannot be parsed becomes a problem and gives undefined. */
export function readFile(
  path: string,
  ext: string,
  rel: (p: string) => string,
  problems: Problem[],
  parse: (text: string) => unknown = parseYamlOnce,
): Raw | undefined {
  const file = rel(path);
  try {
    return { file, name: basename(path, ext), data: parse(readFileSync(path, 'utf8')) };
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    problems.push({
      file,
      field: '-',
      message: `cannot be read${where}: ${(error as Error).message.split('\n')[0]}`,
      fix: 'check the indentation and quote values that contain ": " or start with a special character',
    });
    return undefined;
  }
}

/** Splits `---` YAML frontmatter from a Markdown body; `offset` is the body's first line - 1. */
export function splitFrontmatter(text: string): { frontmatter: unknown; body: string; offset: number } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { frontmatter: undefined, body: text, offset: 0 };
  const offset = match[0].split('\n').length - 1;
  return { frontmatter: parseYaml(match[1] ?? ''), body: text.slice(match[0].length), offset };
}

export function validate<S extends z.ZodType>(schema: S, raw: Raw, problems: Problem[]): z.output<S> | undefined {
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

/**
 * Reads the `<lang>.yaml` files of `dir` (one per language: the glossary, the diagnosis); a file
 * named after no language becomes a problem and is left out.
 */
export function readLocaleFiles(dir: string, rel: (p: string) => string, problems: Problem[]): (Raw & { name: Locale })[] {
  return readFiles(dir, '.yaml', rel, problems).filter((raw): raw is Raw & { name: Locale } => {
    if ((LOCALES as readonly string[]).includes(raw.name)) return true;
    problems.push({
      file: raw.file,
      field: '-',
      message: `"${raw.name}" is not one of the languages`,
      fix: `name the file after its language: ${LOCALES.map((l) => `${l}.yaml`).join(' or ')}`,
    });
    return false;
  });
}
