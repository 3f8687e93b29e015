import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { policyViolation } from '../../src/lib/content-policy.ts';
import { countSentences, countWords } from '../../src/lib/style-checks.ts';
import { FIXTURE_CONTENT } from '../helpers/build.ts';
import { editedFixture, rejectionOf, replaceIn } from '../helpers/content.ts';

/*
 * The style rules a machine can check (faq/README.md, "Style rules"): each fails check:content
 * and the build with the file, the field and the fix.
 */
const broken = (edit: Parameters<typeof editedFixture>[0]) => rejectionOf(editedFixture(edit));
const EN = 'symptoms/en/network-timeout.yaml';
const ZH = 'symptoms/zh/network-timeout.yaml';

describe('style checks', () => {
  it('accept the fixture content and the real catalogue', () => {
    expect(() => loadCatalogue(FIXTURE_CONTENT)).not.toThrow();
    expect(() => loadCatalogue('faq')).not.toThrow();
  });

  it('count sentences as a reader does, not at every full stop', () => {
    expect(countSentences('Sign on again. If that fails, call the acquirer.')).toBe(2);
    expect(countSentences('Typing 1.00 shows one yuan, e.g. on most models.')).toBe(1);
    expect(countSentences('It says "Declined." Then it prints.')).toBe(2);
    expect(countWords('Sign on  again.')).toBe(3);
  });

  it('refuse an English summary of more than two sentences', () => {
    const message = broken((p) => replaceIn(p(EN), /^summary: .*$/m, 'summary: It failed. Sign on. Then call the acquirer.'));
    expect(message).toContain(`${EN} › summary: is 3 sentences and 8 words`);
    expect(message).toContain('Fix: keep what is wrong and the first thing to do');
  });

  it('refuse an English summary of more than 40 words, or one joined by semicolons', () => {
    const long = Array.from({ length: 41 }, () => 'word').join(' ');
    expect(broken((p) => replaceIn(p(EN), /^summary: .*$/m, `summary: ${long}.`))).toContain(`${EN} › summary: is 1 sentence and 41 words`);
    expect(broken((p) => replaceIn(p(EN), /^summary: .*$/m, 'summary: It failed; sign on; call.'))).toContain('joined by semicolons');
  });

  it('refuse British spellings in English prose, saying the US form', () => {
    const message = broken((p) => replaceIn(p(EN), 'try again.', 'try the pre-authorisation again at the shopping centre.'));
    expect(message).toContain(`${EN} › steps.0: uses the British "pre-authorisation"`);
    expect(message).toContain('Fix: write authorize / authorization');
    expect(message).toContain('uses the British "shopping centre"');
    expect(message).not.toContain('uses the British "centre"');
  });

  it('leave screen strings and typed aliases alone: people type British spellings', () => {
    expect(() =>
      loadCatalogue(editedFixture((p) => replaceIn(p(EN), /^aliases:\n/m, 'aliases:\n  - authorisation declined\n'))),
    ).not.toThrow();
  });

  it('refuse Chinese jargon in an entry, naming the plain word', () => {
    const message = broken((p) => replaceIn(p(ZH), /^summary: .*$/m, 'summary: POS 机连不上主机，交易没有发出去。'));
    expect(message).toContain(`${ZH} › summary: uses "主机", jargon a shopkeeper may not know`);
    expect(message).toContain('Fix: write 后台');
  });

  it('refuse lists of different lengths in the two languages', () => {
    const message = broken((p) => replaceIn(p(EN), /^avoid:\n  - .*\n/m, 'avoid:\n'));
    expect(message).toMatch(/avoid: has 1 items and .*symptoms\/zh\/network-timeout\.yaml has 2/);
    expect(message).toContain('Fix: give both languages the same avoid, one for one in the same order');
  });
});

describe('content policy on social contacts', () => {
  it('lets an entry name WeChat Pay, and refuses a WeChat ID or group', () => {
    expect(policyViolation('Ask the customer to pay with WeChat Pay or Alipay.')).toBeNull();
    expect(policyViolation('the balance in WeChat')).toBeNull();
    expect(policyViolation('WeChat ID: posfix88')).toContain('a social-media contact');
    expect(policyViolation('add us on WeChat for help')).toContain('a social-media contact');
    expect(policyViolation('加微信群咨询')).toContain('a social-media contact');
  });
});
