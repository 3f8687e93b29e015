import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { linkGlossaryTerms } from '../../src/lib/glossary-links.ts';
import { LOCALES, type Locale } from '../../src/schemas/faq.ts';

/** The real glossary in faq/: how many terms it has, and what its forms link to in real sentences. */
const catalogue = loadCatalogue('faq');

/** The terms the sentence's words link to, in order: [link text, term id]. */
function links(locale: Locale, html: string): [string, string][] {
  const out = linkGlossaryTerms(locale, catalogue.glossary[locale], html, 'test');
  return [...out.matchAll(/<a href="\/\w+\/glossary\/#([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[2]!, m[1]!]);
}

describe('the glossary in faq/', () => {
  it.each(LOCALES)('%s: at least 60 terms, the same ids as zh', (locale) => {
    const ids = catalogue.glossary[locale].map((t) => t.id);
    expect(ids.length).toBeGreaterThanOrEqual(60);
    expect([...ids].sort()).toEqual(catalogue.glossary.zh.map((t) => t.id).sort());
  });

  it('explains the terms the 2026-12-06 review found missing', () => {
    const ids = new Set(catalogue.glossary.zh.map((t) => t.id));
    for (const id of [
      'settlement-account', 'day-cutoff', 'payment-code', 'collection-code', 'personal-qr', 'personal-business-qr',
      'account-class', 'micro-merchant', 'sole-proprietor', 'outsourcing', 'agent', 'cash-out', 'relocation',
      'terminal-lock', 'e-slip', 'merchant-copy', 'cardholder-copy', 'yunshanfu', 'e-cny', 'issuer-fee',
      'network-fee', 'error-handling', 'serial-number',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('zh: links 结算 only where it means 结算, and a longer word to its own term', () => {
    expect(links('zh', '<p>钱还没到结算卡，结算款里扣了手续费，结算金额对不上，先别改结算设置。</p>')).toEqual([
      ['结算卡', 'settlement-account'],
    ]);
    expect(links('zh', '<p>结算账户被冻结了，先看结算方式，再在 POS 机上结算。</p>')).toEqual([
      ['结算账户', 'settlement-account'],
      ['结算方式', 'payout-timing'],
      ['结算', 'settlement'],
    ]);
    // 日切 wording that contains 日结, and an everyday 差错: neither is the batch close or dispute handling.
    expect(links('zh', '<p>系统正在换日结账，数据传输出了差错。</p>')).toEqual([['换日结账', 'day-cutoff']]);
  });

  it('zh: 退款 is not 退货, and 云闪付 is not 闪付', () => {
    expect(links('zh', '<p>顾客要求退款。</p>')).toEqual([]);
    expect(links('zh', '<p>用云闪付付款，或者用闪付。</p>')).toEqual([
      ['云闪付', 'yunshanfu'],
      ['闪付', 'contactless'],
    ]);
  });

  it('en: settlement card and amount are not the batch close, a deposit refund is not a card refund, a payment agent is not a sales agent', () => {
    expect(links('en', '<p>The settlement amount is wrong, the settlement card is frozen, and a payment agent called.</p>')).toEqual([
      ['settlement card', 'settlement-account'],
    ]);
    // "Refund" is also the everyday word (a deposit, a fee): only the card refund on the POS links.
    expect(links('en', '<p>They promised to refund the deposit. On the POS, choose Refund (退货).</p>')).toEqual([
      ['Refund (退货)', 'refund'],
    ]);
    expect(links('en', '<p>Settle first, then ask the agent.</p>')).toEqual([
      ['Settle', 'settlement'],
      ['agent', 'agent'],
    ]);
  });
});
