// `npm run overlay -- <folder> [--out <file>]` as a vendor runs it (scripts/overlay.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { overlayFileSchema } from '../../src/schemas/overlay.ts';
import { ROOT } from '../helpers/build.ts';

const dir = mkdtempSync(join(tmpdir(), 'pos-faq-overlay-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, [resolve(ROOT, 'scripts/overlay.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('npm run overlay', () => {
  it('writes <folder>/overlay.json by default, and says what it holds', () => {
    cpSync(resolve(ROOT, 'examples/overlay'), join(dir, 'acme'), { recursive: true });
    const { status, stdout } = run(join(dir, 'acme'));
    expect(status).toBe(0);
    expect(stdout).toMatch(/is fine: "acme" \(Acme Terminals\), 11 entries with 12 codes and 2 model notes in each language/);
    const json = JSON.parse(readFileSync(join(dir, 'acme', 'overlay.json'), 'utf8'));
    expect(overlayFileSchema.parse(json).en.entries).toHaveLength(11);
  });

  it('writes where --out says', () => {
    const out = join(dir, 'site', 'help', 'acme.json');
    expect(run('examples/overlay', '--out', out).status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('fails with the file, the field and the fix, and writes nothing', () => {
    cpSync(resolve(ROOT, 'examples/overlay'), join(dir, 'bad'), { recursive: true });
    const file = join(dir, 'bad', 'symptoms', 'en', 'keys-lost.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('codes: ["ERR-3"]', 'codes: ["ERR-3", "51"]'));
    const { status, stderr } = run(join(dir, 'bad'));
    expect(status).toBe(1);
    expect(stderr).toContain('keys-lost.yaml › codes.1: "51" is a response code of the shared table (faq/codes.yaml)');
    expect(existsSync(join(dir, 'bad', 'overlay.json'))).toBe(false);
  });

  it('says how to call it without a folder', () => {
    const { status, stderr } = run();
    expect(status).toBe(2);
    expect(stderr).toContain('Usage: npm run overlay -- <folder> [--out <file>]');
  });
});
