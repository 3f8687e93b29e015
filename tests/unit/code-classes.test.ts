import { unlinkSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { CODE_CLASSES } from '../../src/schemas/codes.ts';
import { LOCALES } from '../../src/schemas/faq.ts';
import { editedFixture, rejectionOf } from '../helpers/content.ts';

/*
 * faq/codes.yaml gives every response code its UnionPay class (A–E). The build refuses a table
 * without "00", a class outside A–E, an unquoted code, and a code an entry claims without a class.
 */
/** A copy of the fixture content with `codes` as its codes.yaml (none for null). */
const fixtureWith = (codes: string | null) =>
  editedFixture((p) => (codes === null ? unlinkSync(p('codes.yaml')) : writeFileSync(p('codes.yaml'), codes)));

const broken = (codes: string | null) => rejectionOf(fixtureWith(codes));

describe('response-code classes', () => {
  it('gives every code of the real catalogue a class, and 00 class A', () => {
    const { symptoms, codeClasses } = loadCatalogue('faq');
    expect(codeClasses['00']).toBe('A');
    for (const locale of LOCALES) {
      for (const entry of symptoms[locale]) {
        for (const code of entry.codes) expect(CODE_CLASSES, `${entry.file}: ${code}`).toContain(codeClasses[code]);
      }
    }
  });

  it('rejects a code an entry claims that has no class, naming the entry', () => {
    const message = broken('"00": A\n');
    expect(message).toContain('codes.yaml › 51: code "51" (claimed by ');
    expect(message).toContain('insufficient-funds.yaml) has no class');
    expect(message).toContain('Fix: add "51": <class> with the class from the UnionPay table: A, B, C, D, E');
  });

  it('rejects a class outside A–E', () => {
    const message = broken('"00": A\n"51": F\n');
    expect(message).toContain('codes.yaml › 51.class: "F" is not allowed');
    expect(message).toContain('Fix: use one of: A, B, C, D, E');
  });

  it('takes a next move beside the class, and rejects one it does not know', () => {
    const { codeMoves, codeClasses } = loadCatalogue(fixtureWith('"00": A\n"51": { class: C, move: retry }\n'));
    expect([codeClasses['51'], codeMoves['51']]).toEqual(['C', 'retry']);
    const message = broken('"00": A\n"51": { class: C, move: maybe }\n');
    expect(message).toContain('codes.yaml › 51.move: "maybe" is not allowed');
    expect(message).toContain('Fix: use one of: retry, no-retry, merchant, wait');
  });

  it('rejects an unquoted code that YAML read as a number, and says to quote it', () => {
    const message = broken('00: A\n"51": C\n');
    expect(message).toContain('codes.yaml › 0: "0" is not a two-character response code');
    expect(message).toContain('Fix: quote the code so YAML keeps its leading zero, like "00": A');
    expect(message).toContain('codes.yaml › 00: "00" (approved) is missing');
  });

  it('insists on 00 with class A', () => {
    expect(broken('"00": B\n"51": C\n')).toContain('codes.yaml › 00: "00" (approved) has class B');
  });

  it('rejects a missing table', () => {
    expect(broken(null)).toContain('codes.yaml › -: the table of response-code classes is missing');
  });
});
