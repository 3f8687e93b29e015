import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { addMonths, dueForReview, monthOf, REVIEW_MONTHS } from '../../src/lib/review.ts';
import { CATEGORIES } from '../../src/schemas/faq.ts';
import { FIXTURE_CONTENT } from '../helpers/build.ts';
import { editedFixture, rejectionOf, replaceIn } from '../helpers/content.ts';

describe('reviewed dates', () => {
  it('are on every entry and topic of the real catalogue, as real dates', () => {
    const { symptoms, topics } = loadCatalogue('faq');
    for (const e of [...symptoms.zh, ...symptoms.en, ...topics.zh, ...topics.en]) {
      expect(e.reviewed, e.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.reviewed <= new Date().toISOString().slice(0, 10), `${e.file}: reviewed in the future`).toBe(true);
    }
  });

  it('are required, with the file, the field and the fix', () => {
    const missing = rejectionOf(editedFixture((p) => replaceIn(p('symptoms/zh/network-timeout.yaml'), /^reviewed: .*\n/m, '')));
    expect(missing).toContain('symptoms/zh/network-timeout.yaml › reviewed: is missing');
    const wrong = rejectionOf(editedFixture((p) => replaceIn(p('topics/en/causes.md'), /^reviewed: .*$/m, 'reviewed: 2026-02-30')));
    expect(wrong).toContain('topics/en/causes.md › reviewed: is not a real date');
  });

  it('set an interval for every category, shorter for fees and accounts than for hardware', () => {
    for (const c of CATEGORIES) expect(REVIEW_MONTHS[c], c).toBeGreaterThan(0);
    expect(REVIEW_MONTHS.account).toBeLessThan(REVIEW_MONTHS.hardware);
  });

  it('list what is due, oldest first, and nothing before it is due', () => {
    const catalogue = loadCatalogue(FIXTURE_CONTENT);
    expect(dueForReview(catalogue, '2026-12-07')).toEqual([]);
    const due = dueForReview(catalogue, '2030-01-01');
    expect(due).toHaveLength(2 * 2 + 2 * 5);
    expect(due[0]!.due <= due.at(-1)!.due).toBe(true);
    expect(due.find((d) => d.file.endsWith('en/network-timeout.yaml'))).toEqual({
      file: expect.stringContaining('network-timeout.yaml'),
      reviewed: '2026-12-06',
      due: addMonths('2026-12-06', REVIEW_MONTHS.network),
    });
  });

  it('show as the month readers see', () => {
    expect(monthOf('zh', '2026-12-06')).toBe('2026 年 12 月');
    expect(monthOf('en', '2026-12-06')).toBe('December 2026');
    expect(addMonths('2026-08-31', 6)).toBe('2027-03-03');
  });

  it('make check:content warn about due reviews without failing', () => {
    const run = spawnSync(process.execPath, ['scripts/check-content.ts'], {
      env: { ...process.env, POS_FAQ_CONTENT: FIXTURE_CONTENT, POS_FAQ_TODAY: '2030-01-01' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Warning: 14 texts are due for review');
    expect(run.stderr).toMatch(/network-timeout\.yaml: checked 2026-12-06, due 2027-12-06/);
  });
});
