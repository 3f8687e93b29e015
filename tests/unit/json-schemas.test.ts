import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaFiles, schemaFile, undocumented, type SchemaName } from '../../src/schemas/json-schemas.ts';
import { ROOT } from '../helpers/build.ts';

/**
 * The JSON Schemas under schemas/ that editors' tools read while typing: up to date with the Zod
 * schemas and the content, accepting every file of faq/, refusing broken ones, and wired into
 * VS Code.
 */
const FAQ = join(ROOT, 'faq');
const committed = (name: string) => JSON.parse(readFileSync(join(ROOT, schemaFile(name)), 'utf8')) as Record<string, unknown>;
const yaml = (path: string) => parseYaml(readFileSync(join(FAQ, path), 'utf8')) as unknown;
const ajv = new Ajv({ allErrors: true, strict: false });
const validator = (name: SchemaName) => ajv.getSchema(`pos-faq/${schemaFile(name)}`) ?? ajv.compile(committed(name));

/** Every file of faq/ with the schema that covers it. */
function contentFiles(): [SchemaName, string][] {
  const entries = ['zh', 'en'].flatMap((l) => readdirSync(join(FAQ, 'symptoms', l)).map((f) => `symptoms/${l}/${f}`));
  return [
    ...entries.map((f): [SchemaName, string] => ['entry', f]),
    ['glossary', 'glossary/zh.yaml'],
    ['glossary', 'glossary/en.yaml'],
    ['diagnose', 'diagnose/zh.yaml'],
    ['diagnose', 'diagnose/en.yaml'],
    ['codes', 'codes.yaml'],
    ['card', 'card.yaml'],
  ];
}

describe('JSON Schemas for faq/', () => {
  it('are up to date with the Zod schemas and the content', () => {
    const stale = [...jsonSchemaFiles(FAQ)]
      .filter(([file, text]) => {
        try {
          return readFileSync(join(ROOT, file), 'utf8') !== text;
        } catch {
          return true;
        }
      })
      .map(([file]) => file);
    expect(stale, `${stale.join(', ')} out of date: run \`npm run schemas\` and commit schemas/`).toEqual([]);
  });

  it('describe every field in Chinese and English', () => {
    for (const { name } of JSON_SCHEMAS) {
      expect(undocumented(name), `${name}: add these fields to src/schemas/json-schema-docs.ts, then run \`npm run schemas\``).toEqual([]);
    }
    const steps = (committed('entry')['properties'] as Record<string, { description: string }>)['steps']!.description;
    expect(steps).toMatch(/步骤/);
    expect(steps).toMatch(/in order/);
  });

  it('offer the existing entry ids and codes as completions', () => {
    const props = committed('entry')['properties'] as Record<string, { items: { anyOf: { enum?: string[] }[] } }>;
    const ids = readdirSync(join(FAQ, 'symptoms', 'zh')).map((f) => f.replace(/\.yaml$/, ''));
    expect(props['related']!.items.anyOf[0]!.enum).toEqual([...ids].sort());
    expect(props['codes']!.items.anyOf[0]!.enum).toEqual(expect.arrayContaining(['05', '51', 'A0']));
  });

  it('accept every file of faq/', () => {
    const files = contentFiles();
    expect(files.length).toBeGreaterThan(200);
    const failures = files.flatMap(([name, file]) => {
      const validate = validator(name);
      return validate(yaml(file)) ? [] : [`${file}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(failures).toEqual([]);
  });

  it('refuse broken files, naming the field', () => {
    const entry = yaml('symptoms/en/network-timeout.yaml') as Record<string, unknown>;
    const check = (name: SchemaName, data: unknown) => {
      const validate = validator(name);
      return validate(data) ? 'valid' : ajv.errorsText(validate.errors);
    };
    expect(check('entry', { ...entry, category: 'weather' })).toMatch(/\/category must be equal to one of the allowed values/);
    expect(check('entry', { ...entry, related: 'reversal' })).toMatch(/\/related must be array/);
    expect(check('entry', { ...entry, codes: [5] })).toMatch(/\/codes\/0/);
    const { steps: _, ...noSteps } = entry;
    expect(check('entry', noSteps)).toMatch(/must have required property 'steps'/);
    expect(check('entry', { ...entry, colour: 'red' })).toMatch(/must NOT have additional properties/);
    expect(check('entry', { ...entry, changes: [{ date: 'yesterday', note: 'x' }] })).toMatch(/\/changes\/0\/date/);
    expect(check('codes', { ...(yaml('codes.yaml') as object), '51': 'F' })).toMatch(/\/51/);
    expect(check('glossary', { terms: [{ id: 'acquirer', term: 'x', text: 'y', group: 'nowhere' }] })).toMatch(/group/);
    expect(check('card', { ...(yaml('card.yaml') as object), codes: ['51'] })).toMatch(/\/codes must NOT have fewer than 20 items/);
    expect(check('diagnose', { ...(yaml('diagnose/en.yaml') as object), start: 'Not valid' })).toMatch(/\/start/);
  });

  it("accept the example overlay's files and refuse a vendor code of the wrong shape or a note that sets the shared text", () => {
    const example = join(ROOT, 'examples/overlay');
    const read = (path: string) => parseYaml(readFileSync(join(example, path), 'utf8')) as Record<string, unknown>;
    const files: [SchemaName, string][] = [
      ['overlay', 'overlay.yaml'],
      ...['zh', 'en'].flatMap((l) => readdirSync(join(example, 'symptoms', l)).map((f): [SchemaName, string] => ['overlay-entry', `symptoms/${l}/${f}`])),
      ...['zh', 'en'].flatMap((l) => readdirSync(join(example, 'extends', l)).map((f): [SchemaName, string] => ['overlay-note', `extends/${l}/${f}`])),
    ];
    expect(files.length).toBe(1 + 22 + 4);
    const failures = files.flatMap(([name, file]) => {
      const validate = validator(name);
      return validate(read(file)) ? [] : [`${file}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(failures).toEqual([]);
    const check = (name: SchemaName, data: unknown) => {
      const validate = validator(name);
      return validate(data) ? 'valid' : ajv.errorsText(validate.errors);
    };
    expect(check('overlay-entry', { ...read('symptoms/en/keys-lost.yaml'), codes: ['ERR 3'] })).toMatch(/\/codes\/0/);
    expect(check('overlay-note', { ...read('extends/en/out-of-paper.yaml'), avoid: [] })).toMatch(/must NOT have additional properties/);
    expect(check('overlay', { ...read('overlay.yaml'), id: 'Acme!' })).toMatch(/\/id/);
    const entryDocs = (committed('overlay-entry')['properties'] as Record<string, { description: string }>)['codes']!.description;
    expect(entryDocs).toMatch(/E101/);
  });

  it('are wired into VS Code with the YAML extension', () => {
    const settings = JSON.parse(readFileSync(join(ROOT, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string> };
    expect(settings['yaml.schemas']).toEqual(Object.fromEntries(JSON_SCHEMAS.map((s) => [`./${schemaFile(s.name)}`, s.files])));
    const extensions = JSON.parse(readFileSync(join(ROOT, '.vscode/extensions.json'), 'utf8')) as { recommendations: string[] };
    expect(extensions.recommendations).toContain('redhat.vscode-yaml');
  });
});
