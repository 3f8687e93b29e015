import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { ContentError } from '../../src/lib/content-error.ts';
import { FIXTURE_CONTENT } from './build.ts';

/** A writable copy of the fixture content, changed by `edit`, removed when the test ends. */
export function editedFixture(edit: (path: (p: string) => string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'pos-faq-content-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  edit((p) => join(dir, p));
  return dir;
}

/** Replaces text in a fixture file, and fails if the fixture no longer has it. */
export function replaceIn(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `fixture ${file} should contain ${String(from)}`).not.toBe(text);
  writeFileSync(file, next);
}

/** Loads a content folder that must be rejected, and returns the message the editor would read. */
export function rejectionOf(dir: string): string {
  try {
    loadCatalogue(dir, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('expected the content to be rejected');
}
