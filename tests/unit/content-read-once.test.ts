// The parsed-YAML cache of src/lib/content-files.ts: a file is parsed once per process, but each
// reader gets its own copy, and an edited file is read as it now is.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readFile } from '../../src/lib/content-files.ts';

const read = (path: string) => readFile(path, '.yaml', (p) => p, [])!.data as { title: string; steps: string[] };

it('gives each reader its own copy of a file parsed once, and reads an edited file again', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'pos-faq-read-')), 'entry.yaml');
  writeFileSync(path, 'title: 连接超时\nsteps: [one, two]\n');
  const first = read(path);
  first.steps.push('changed by a reader');
  first.title = 'changed';
  expect(read(path)).toEqual({ title: '连接超时', steps: ['one', 'two'] });
  writeFileSync(path, 'title: Connection timed out\nsteps: [one]\n');
  expect(read(path)).toEqual({ title: 'Connection timed out', steps: ['one'] });
});
