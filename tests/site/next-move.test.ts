import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { DIST } from '../helpers/build.ts';
import { attr, readPage } from '../helpers/html.ts';

const catalogue = loadCatalogue('faq');

/**
 * A first step that asks for another try: "重新输一次", "再刷", "try once more". A negated one
 * ("不要重刷", "do not run the card again") is not a retry.
 */
const RETRY = {
  zh: /(?<!不要|别|不用|不能|不|没)(重新(输|刷|插|读|做|试|发起)|再(刷|试|做|输)|重试|重刷|重做)/,
  en: /(?<!(not|never|n't) [\w ]{0,30})\b(try (it |the payment |the card )?(once more|again)|retry|rerun|run (it|the card|the payment) again|enter (the PIN|it) again)\b/i,
};

const cells = (tr: Element, page: ReturnType<typeof readPage>) =>
  tr.children.filter((c): c is Element => c.type === 'element').map((c) => page.text(c).trim());

describe.each(['zh', 'en'] as const)('the %s next move of each code', (lang) => {
  const codes = readPage(DIST, `${lang}/codes/index.html`);
  const card = readPage(DIST, `${lang}/card/index.html`);
  const rows = new Map(
    codes.all('tr', (tr) => String(attr(tr, 'id') ?? '').startsWith('code-')).map((tr) => [String(attr(tr, 'id')).slice(5), tr]),
  );

  it('is the same on the codes page as on the quick card, for every code on the card', () => {
    const cardRows = card.all('tr', (tr) => tr.children.some((c) => c.type === 'element' && c.tagName === 'th' && attr(c, 'scope') === 'row'));
    expect(cardRows.length).toBeGreaterThanOrEqual(20);
    for (const tr of cardRows) {
      const [codeList, , , move] = cells(tr, card);
      for (const code of codeList!.split(' / ')) {
        const row = rows.get(code);
        expect(row, code).toBeDefined();
        expect(cells(row!, codes)[1], `code ${code}`).toBe(move);
      }
    }
  });

  it('never says "do not retry" beside a first step that retries', () => {
    const noRetry = t(lang, 'card.class.no-retry');
    const contradictions = [...rows].flatMap(([code, tr]) => {
      const [, move, , , step] = cells(tr, codes);
      return move === noRetry && RETRY[lang].test(step!) ? [`${code}: ${step}`] : [];
    });
    expect(contradictions).toEqual([]);
    // The check itself catches a retrying step (55's: the customer keys the PIN again).
    const wrongPin = catalogue.symptoms[lang].find((e) => e.codes.includes('55'))!;
    expect(RETRY[lang].test(wrongPin.steps[0]!), wrongPin.steps[0]).toBe(true);
  });

  it('shows every one of the four moves somewhere, and the move before the class', () => {
    const moves = new Set([...rows.values()].map((tr) => attr(tr, 'dataMove')).filter(Boolean));
    expect([...moves].sort()).toEqual(['merchant', 'no-retry', 'retry', 'wait']);
  });
});
