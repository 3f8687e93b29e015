import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { ContentError, type Problem } from '../../src/lib/content-error.ts';
import { ROOT } from '../helpers/build.ts';

/**
 * The change rule on a copy of faq/: a change to what readers act on (steps, avoid, escalate)
 * since faq/release.json needs a new changes line.
 */
let content: string;
const entry = (l: string) => join(content, 'symptoms', l, 'network-timeout.yaml');
const edit = (l: string, change: (text: string) => string) => writeFileSync(entry(l), change(readFileSync(entry(l), 'utf8')));
// The change rule's problems only: an edit to one language also trips the style check that
// keeps zh and en lists one for one (tests/unit/style-checks.test.ts), which is not this rule.
const problems = (): Problem[] => {
  try {
    loadCatalogue(content);
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.problems.filter((p) => !/^has \d+ items and /.test(p.message));
    throw error;
  }
};
const NEW_STEP = (text: string) => text.replace(/^steps:\n/m, 'steps:\n  - Look at the terminal’s network settings first.\n');

beforeEach(() => {
  content = join(mkdtempSync(join(tmpdir(), 'pos-faq-changes-')), 'faq');
  cpSync(join(ROOT, 'faq'), content, { recursive: true });
});

describe('the change rule', () => {
  it('holds for faq/ as committed', () => {
    expect(problems()).toEqual([]);
  });

  it('refuses a step edited without a changes line, naming file, field and fix', () => {
    edit('en', NEW_STEP);
    const found = problems();
    expect(found).toHaveLength(1);
    expect(found[0]!.file).toMatch(/symptoms\/en\/network-timeout\.yaml$/);
    expect(found[0]!.field).toBe('steps');
    expect(found[0]!.message).toMatch(/changed since the release of \d{4}-\d{2}-\d{2} \(faq\/release\.json\) without a new line in changes/);
    expect(found[0]!.fix).toMatch(/add at the top of changes a line "- \{ date: YYYY-MM-DD, note: … \}"/);

    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check-content.ts')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, POS_FAQ_CONTENT: content } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/network-timeout\.yaml › steps: changed since the release/);
    expect(run.stderr).toMatch(/Fix: tell readers/);
  });

  it('names avoid and escalate too, and the other language stays fine', () => {
    edit('zh', (t) => t.replace(/^ {2}when: .*$/m, '  when: 换了网络还是连不上。').replace(/^avoid:\n/m, 'avoid:\n  - 不要拔电池。\n'));
    expect(problems().map((p) => `${p.file.split('/').slice(-2).join('/')} ${p.field}`)).toEqual([
      'zh/network-timeout.yaml avoid',
      'zh/network-timeout.yaml escalate',
    ]);
  });

  it('accepts the edit with a new changes line', () => {
    edit('en', (t) => `${NEW_STEP(t)}changes:\n  - date: 2026-12-07\n    note: Check the terminal’s network settings before anything else.\n`);
    expect(problems()).toEqual([]);
  });

  it('ignores a change readers do not see (comments, quoting, indentation)', () => {
    edit('en', (t) =>
      t
        .replace(/^related: \[(.*)\]$/m, (_, ids: string) => `# see also\nrelated:\n${ids.split(', ').map((id) => `  - ${id}\n`).join('')}`.trimEnd())
        .replace(/^codes: \[\]$/m, 'codes: []   # none'),
    );
    expect(problems()).toEqual([]);
  });

  it('keeps changes newest first', () => {
    edit('en', (t) => `${t}changes:\n  - date: 2026-11-01\n    note: An older line.\n  - date: 2026-12-01\n    note: A newer line below it.\n`);
    const found = problems();
    expect(found.map((p) => p.field)).toEqual(['changes.1']);
    expect(found[0]!.fix).toMatch(/newest first/);
  });

  it('records a release with npm run release, after which the edit passes', () => {
    edit('en', NEW_STEP);
    edit('zh', NEW_STEP);
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/release.ts'), '2026-12-07'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, POS_FAQ_CONTENT: content } });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(content, 'release.json'), 'utf8'))).toMatchObject({ date: '2026-12-07' });
    expect(problems()).toEqual([]);
  });
});
