import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { symptomSchema } from '../../src/schemas/faq.ts';
import { ROOT } from '../helpers/build.ts';

/** `npm run new -- <id>` on a copy of faq/, then `npm run check:content` on that copy. */
const FIELDS = ['title', 'summary', 'category', 'actors', 'messages', 'codes', 'aliases', 'causes', 'steps', 'escalate.when', 'escalate.to', 'avoid', 'related'];
let content: string;
const file = (l: string) => join(content, 'symptoms', l, 'card-reader-dirty.yaml');
const script = (name: string, args: string[] = []) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', name), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, POS_FAQ_CONTENT: content } });

/** The `file › field` pairs check:content reports. */
const reported = (output: string) => [...output.matchAll(/^(\S+) › (\S+):/gm)].map((m) => `${m[1]!.split('/').slice(-2).join('/')} ${m[2]}`);

beforeAll(() => {
  content = join(mkdtempSync(join(tmpdir(), 'pos-faq-new-')), 'faq');
  cpSync(join(ROOT, 'faq'), content, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'scripts/new-entry.ts'), 'card-reader-dirty'], { env: { ...process.env, POS_FAQ_CONTENT: content } });
});

describe('npm run new', () => {
  it('writes both languages with every field, each commented, accepted by the schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/entry.schema.json'), 'utf8')) as object);
    for (const l of ['zh', 'en']) {
      const text = readFileSync(file(l), 'utf8');
      const data = parseYaml(text) as Record<string, unknown>;
      expect(symptomSchema.safeParse(data).error).toBeUndefined();
      expect(validate(data), ajv.errorsText(validate.errors)).toBe(true);
      expect(Object.keys(data)).toEqual(Object.keys(symptomSchema.shape));
      for (const key of Object.keys(symptomSchema.shape)) expect(text).toMatch(new RegExp(`^${key}:.*# .+`, 'm'));
      expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schemas\/entry\.schema\.json$/m);
    }
  });

  it('refuses an id that exists or is malformed', () => {
    expect(script('new-entry.ts', ['network-timeout']).stderr).toMatch(/already exist/);
    expect(script('new-entry.ts', ['Bad Id']).stderr).toMatch(/Usage/);
  });

  it('fails check:content on exactly the fields left to fill, in both files', () => {
    const run = script('check-content.ts');
    expect(run.status).toBe(1);
    const expected = ['zh', 'en'].flatMap((l) => FIELDS.map((f) => `${l}/card-reader-dirty.yaml ${f}`));
    expect(reported(run.stderr)).toEqual(expected);
    expect(run.stderr).toMatch(/title: is left to fill \(the line still says TODO\)\n {4}Fix: write it as its comment says, then delete TODO from the line/);
  });

  // Puts the file back: the other tests read it as written, in whatever order they run (--sequence.shuffle).
  it('stops naming a field once it is written', () => {
    const before = readFileSync(file('zh'), 'utf8');
    try {
      writeFileSync(file('zh'), before.replace(/^title: TODO .*$/m, 'title: 刷卡器读不出卡'));
      const run = script('check-content.ts');
      expect(reported(run.stderr)).not.toContain('zh/card-reader-dirty.yaml title');
      expect(reported(run.stderr)).toContain('en/card-reader-dirty.yaml title');
    } finally {
      writeFileSync(file('zh'), before);
    }
  });
});
