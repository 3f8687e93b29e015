import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCard } from '../../src/lib/card.ts';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { ContentError } from '../../src/lib/content-error.ts';

// The card is checked against the real catalogue: it needs 20 codes, more than the fixture holds.
const { symptoms } = loadCatalogue('faq');
const dir = mkdtempSync(join(tmpdir(), 'pos-faq-card-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The message an editor reads for faq/card.yaml changed by `edit`. */
function rejection(edit: (text: string) => string): string {
  const next = edit(readFileSync('faq/card.yaml', 'utf8'));
  writeFileSync(join(dir, 'card.yaml'), next);
  try {
    loadCard(dir, symptoms, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  }
  throw new Error('expected the card to be rejected');
}

describe('quick card validation', () => {
  it('accepts the card in faq/ and groups the codes of one entry on one line', () => {
    cpSync('faq/card.yaml', join(dir, 'card.yaml'));
    const card = loadCard(dir, symptoms, dir)!;
    expect(card.zh.codes.flatMap((r) => r.codes)).toEqual(card.en.codes.flatMap((r) => r.codes));
    expect(card.zh.codes.every((r) => r.codes.every((c) => r.entry.codes.includes(c)))).toBe(true);
  });

  it('refuses a code no entry explains, naming the field and the fix', () => {
    const message = rejection((t) => t.replace('codes: ["51",', 'codes: ["Z9", "51",'));
    expect(message).toContain('card.yaml › codes.0: no entry explains code "Z9"');
    expect(message).toContain('Fix: use a code from the codes page');
  });

  it('refuses a symptom that does not exist', () => {
    const message = rejection((t) => t.replace('symptoms: [network-timeout,', 'symptoms: [no-such-entry, network-timeout,'));
    expect(message).toContain('card.yaml › symptoms.0: there is no zh entry "no-such-entry"');
  });

  it('refuses a card without its English wording', () => {
    const message = rejection((t) => t.slice(0, t.indexOf('\nen:')));
    expect(message).toContain('card.yaml › en: is missing');
  });

  it('refuses fewer than 20 codes and more or fewer than three never-dos', () => {
    const few = rejection((t) => t.replace(/^codes: .*$/m, 'codes: ["51", "55"]'));
    expect(few).toContain('card.yaml › codes: needs at least 20 codes');
    const never = rejection((t) => t.replace(/(\n  never:\n(?:    - .*\n){3})/, '$1    - 再加一条。\n'));
    expect(never).toContain('card.yaml › zh.never: must list exactly three things');
  });

  it('refuses a phone number on the card', () => {
    const message = rejection((t) => t.replace('  title: POS 机故障速查卡', '  title: POS 机故障速查卡 热线 400-123-4567'));
    expect(message).toContain('card.yaml › zh.title: contains a phone number');
  });
});
