import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { cardSchema } from './card.ts';
import { codeClassesInputSchema } from './codes.ts';
import { diagnoseFileSchema } from './diagnose.ts';
import { symptomSchema } from './faq.ts';
import { glossaryFileSchema } from './glossary.ts';
import { FIELD_DOCS } from './json-schema-docs.ts';
import { modelNoteSchema, overlayEntrySchema, overlayManifestSchema } from './overlay.ts';

/**
 * The JSON Schemas that editors' tools read while they type (the YAML language server in VS Code
 * and other editors): one per kind of file in `faq/`, generated from the Zod schemas the build
 * itself checks with, so the two never disagree. `npm run schemas` writes them to `schemas/`;
 * `.vscode/settings.json` maps them to the files.
 *
 * To add a kind of file, add one line to this list (and its fields' words to
 * json-schema-docs.ts), then run `npm run schemas`.
 */
export const JSON_SCHEMAS = [
  { name: 'entry', schema: symptomSchema, files: 'faq/symptoms/*/*.yaml' },
  { name: 'glossary', schema: glossaryFileSchema, files: 'faq/glossary/*.yaml' },
  { name: 'diagnose', schema: diagnoseFileSchema, files: 'faq/diagnose/*.yaml' },
  { name: 'codes', schema: codeClassesInputSchema, files: 'faq/codes.yaml' },
  { name: 'card', schema: cardSchema, files: 'faq/card.yaml' },
  // A vendor overlay's files (README, "Vendor overlays"), mapped here to the example; a vendor maps
  // them to its own overlay folder.
  { name: 'overlay', schema: overlayManifestSchema, files: 'examples/overlay/overlay.yaml' },
  { name: 'overlay-entry', schema: overlayEntrySchema, files: 'examples/overlay/symptoms/*/*.yaml' },
  { name: 'overlay-note', schema: modelNoteSchema, files: 'examples/overlay/extends/*/*.yaml' },
] as const satisfies readonly { name: string; schema: z.ZodType; files: string }[];

export type SchemaName = (typeof JSON_SCHEMAS)[number]['name'];

/** Where a schema is committed, from the project root. */
export const schemaFile = (name: string) => `schemas/${name}.schema.json`;

/** What the content holds now, offered as completions (entry ids, response codes, term ids). */
export interface Completions {
  entries: string[];
  codes: string[];
  terms: string[];
}

/** Reads the completions from a content folder: file names, codes.yaml's keys, glossary ids. */
export function readCompletions(root: string): Completions {
  const dir = join(root, 'symptoms', 'zh');
  const entries = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort()
    : [];
  const codesFile = join(root, 'codes.yaml');
  const codes = existsSync(codesFile) ? Object.keys(asObject(parseYaml(readFileSync(codesFile, 'utf8')))).sort() : [];
  const glossaryFile = join(root, 'glossary', 'en.yaml');
  const terms = existsSync(glossaryFile)
    ? (asObject(parseYaml(readFileSync(glossaryFile, 'utf8')))['terms'] as { id?: unknown }[] | undefined ?? [])
        .map((t) => String(t.id))
        .sort()
    : [];
  return { entries, codes, terms };
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

type Json = Record<string, unknown>;

/**
 * Which list of names each field completes from, by field path (as in json-schema-docs.ts).
 * The schema offers the names and still accepts any well-formed value, so that an entry written
 * since the last `npm run schemas` is not marked wrong; the build checks that it exists.
 */
const COMPLETE: Record<string, Record<string, keyof Completions>> = {
  entry: { 'related[]': 'entries', 'codes[]': 'codes' },
  glossary: { 'terms[].see[]': 'terms', 'terms[].entries[]': 'entries' },
  diagnose: { 'questions.*.answers[].entry': 'entries' },
  card: { 'codes[]': 'codes', 'symptoms[]': 'entries' },
  // An overlay's own entries are not known here: the shared ones are offered, any id is accepted.
  'overlay-entry': { 'related[]': 'entries' },
};

/** One JSON Schema (draft-07, the YAML language server's), as the object to write. */
export function jsonSchema(name: SchemaName, completions: Completions): Json {
  const spec = JSON_SCHEMAS.find((s) => s.name === name)!;
  // io: 'input': what an editor writes, so fields with a default are optional.
  const generated = z.toJSONSchema(spec.schema, { target: 'draft-07', io: 'input' }) as Json;
  const docs = FIELD_DOCS[name] ?? {};
  const complete = COMPLETE[name] ?? {};
  const out: Json = { $schema: generated['$schema'], $id: `pos-faq/${schemaFile(name)}` };
  out['title'] = `${docs['']?.[0] ?? name} · ${docs['']?.[1] ?? name}`;
  Object.assign(out, walk(generated, '', docs, complete, completions));
  return out;
}

/** Adds each field's words in both languages, and the completions, by field path. */
function walk(
  node: Json,
  path: string,
  docs: Record<string, readonly [string, string]>,
  complete: Record<string, keyof Completions>,
  completions: Completions,
): Json {
  let out: Json = { ...node };
  const words = docs[path];
  if (words) out['description'] = `${words[0]}\n\n${words[1]}`;
  const list = complete[path];
  if (list && completions[list].length) {
    const { description, ...rest } = out;
    out = { ...(description ? { description } : {}), anyOf: [{ enum: completions[list] }, rest] };
    return out;
  }
  if (node['properties']) {
    out['properties'] = Object.fromEntries(
      Object.entries(node['properties'] as Record<string, Json>).map(([key, child]) => [
        key,
        walk(child, path ? `${path}.${key}` : key, docs, complete, completions),
      ]),
    );
  }
  if (node['items'] && !Array.isArray(node['items'])) out['items'] = walk(node['items'] as Json, `${path}[]`, docs, complete, completions);
  if (node['additionalProperties'] && typeof node['additionalProperties'] === 'object') {
    out['additionalProperties'] = walk(node['additionalProperties'] as Json, path ? `${path}.*` : '*', docs, complete, completions);
  }
  return out;
}

/** Every field path of a generated schema that has no words in json-schema-docs.ts. */
export function undocumented(name: SchemaName): string[] {
  const docs = FIELD_DOCS[name] ?? {};
  const generated = z.toJSONSchema(JSON_SCHEMAS.find((s) => s.name === name)!.schema, { target: 'draft-07', io: 'input' }) as Json;
  const missing: string[] = [];
  const visit = (node: Json, path: string) => {
    if (path && !docs[path] && !path.endsWith('[]')) missing.push(path);
    for (const [key, child] of Object.entries((node['properties'] ?? {}) as Record<string, Json>)) visit(child, path ? `${path}.${key}` : key);
    if (node['items'] && !Array.isArray(node['items'])) visit(node['items'] as Json, `${path}[]`);
    if (node['additionalProperties'] && typeof node['additionalProperties'] === 'object') visit(node['additionalProperties'] as Json, path ? `${path}.*` : '*');
  };
  visit(generated, '');
  return missing;
}

/** Every schema as the text committed under schemas/ (sorted keys are Zod's; two-space JSON). */
export function jsonSchemaFiles(root: string): Map<string, string> {
  const completions = readCompletions(root);
  return new Map(JSON_SCHEMAS.map(({ name }) => [schemaFile(name), `${JSON.stringify(jsonSchema(name, completions), null, 2)}\n`]));
}
