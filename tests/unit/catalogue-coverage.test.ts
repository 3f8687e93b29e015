import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { UNKNOWN_CODE_ENTRY } from '../../src/lib/codes.ts';

/**
 * The response codes of the content brief's table (shared/content-brief.md), each of which must
 * be reachable by its code. Ranges such as 34-37 are spelled out.
 */
const BRIEF_CODES = (
  '01 02 03 04 07 34 35 36 37 41 43 05 06 09 12 13 14 15 31 21 22 30 33 54 38 75 45 51 55 57 58 59 ' +
  '61 65 68 98 77 90 91 92 94 96 97 99 A0'
).split(' ');

/** Screen messages and symptoms of the brief that must each lead to an entry (zh, en). */
const BRIEF_MESSAGES: [string, string][] = [
  ['连接超时', 'network-timeout'],
  ['请先签到', 'sign-on-failed'],
  ['签到密码过期', 'sign-on-password-expired'],
  ['冲正', 'reversal'],
  ['MAC校验错', 'mac-error'],
  ['请先下载CAPK参数', 'capk-download'],
  ['存储已满，请结算', 'storage-full'],
  ['终端未激活', 'terminal-not-activated'],
  ['交易卡异常', 'card-error'],
  ['商户账号异常', 'merchant-account-abnormal'],
  ['系统维护', 'host-maintenance'],
  ['正在更新', 'firmware-update'],
  ['TAMPERED', 'tamper-alert'],
];

const catalogue = loadCatalogue('faq');

describe('the catalogue against the content brief', () => {
  it('has at least 135 entries in each language (issue 18; 112 before it, 73 at version 0.1.0)', () => {
    expect(catalogue.symptoms.zh.length).toBeGreaterThanOrEqual(135);
    expect(catalogue.symptoms.en.length).toBe(catalogue.symptoms.zh.length);
  });

  it('names the cardholder first in the actors of every entry titled for cardholders', () => {
    const prefix = { zh: '持卡人：', en: 'Cardholder: ' };
    for (const lang of ['zh', 'en'] as const) {
      const forCardholders = catalogue.symptoms[lang].filter((e) => e.title.startsWith(prefix[lang]));
      expect(forCardholders.length, lang).toBeGreaterThanOrEqual(5);
      for (const e of forCardholders) expect(e.actors[0], e.file).toBe('cardholder');
    }
  });

  it.each(['zh', 'en'] as const)('gives every response code of the brief an entry (%s)', (locale) => {
    const owned = new Set(catalogue.symptoms[locale].flatMap((s) => s.codes));
    expect(BRIEF_CODES.filter((c) => !owned.has(c))).toEqual([]);
    expect(catalogue.symptoms[locale].some((s) => s.id === UNKNOWN_CODE_ENTRY)).toBe(true);
  });

  it.each(BRIEF_MESSAGES)('lists the screen message %s in entry %s', (message, id) => {
    const entry = catalogue.symptoms.zh.find((s) => s.id === id);
    expect(entry, id).toBeDefined();
    expect(entry!.messages.join(' ')).toContain(message);
  });

  it('gives every entry aliases, ordered steps and somebody to escalate to', () => {
    for (const entry of [...catalogue.symptoms.zh, ...catalogue.symptoms.en]) {
      expect(entry.aliases.length, entry.file).toBeGreaterThanOrEqual(3);
      expect(entry.steps.length, entry.file).toBeGreaterThanOrEqual(2);
      expect(entry.escalate.to.length, entry.file).toBeGreaterThan(1);
    }
  });

  it('covers the consumer warnings', () => {
    for (const id of ['free-pos-scam', 'cash-out-illegal', 'terminal-relocation']) {
      expect(catalogue.symptoms.en.find((s) => s.id === id), id).toBeDefined();
    }
  });
});

