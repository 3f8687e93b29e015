import { cpSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { FIXTURE_CONTENT } from '../helpers/build.ts';
import { editedFixture, rejectionOf, replaceIn } from '../helpers/content.ts';

/** The message for the fixture content changed by `edit`, which must be rejected. */
const broken = (edit: Parameters<typeof editedFixture>[0]) => rejectionOf(editedFixture(edit));

describe('content validation', () => {
  it('accepts the fixture content', () => {
    const { symptoms, topics } = loadCatalogue(FIXTURE_CONTENT);
    expect(symptoms.zh.map((s) => s.id).sort()).toEqual(['insufficient-funds', 'network-timeout']);
    expect(topics.en).toHaveLength(5);
  });

  it('names the file, the field and the fix for a missing required field', () => {
    const message = broken((p) => replaceIn(p('symptoms/zh/network-timeout.yaml'), /^category: network\n/m, ''));
    expect(message).toContain('symptoms/zh/network-timeout.yaml › category: is missing');
    expect(message).toContain('Fix: add the field "category"');
  });

  it('rejects a mistyped field', () => {
    const message = broken((p) => replaceIn(p('symptoms/en/network-timeout.yaml'), /^steps:\n/m, 'steps: Restart it\nold_steps:\n'));
    expect(message).toContain('symptoms/en/network-timeout.yaml › steps: should be an array, not the string "Restart it"');
    expect(message).toContain('write it as a list');
    expect(message).toContain('old_steps: is not a field of this kind of file');
  });

  it('rejects a value outside the allowed set and lists the allowed ones', () => {
    const message = broken((p) => replaceIn(p('symptoms/zh/network-timeout.yaml'), 'category: network', 'category: wifi'));
    expect(message).toContain('› category: "wifi" is not allowed');
    expect(message).toContain('Fix: use one of: network, signon, host');
  });

  it('rejects an unquoted response code that YAML read as a number', () => {
    const message = broken((p) => replaceIn(p('symptoms/zh/insufficient-funds.yaml'), 'codes: ["51"]', 'codes: [51]'));
    expect(message).toContain('symptoms/zh/insufficient-funds.yaml › codes.0: should be a string, not the number 51');
  });

  it('rejects an entry that exists in one language only', () => {
    const message = broken((p) => unlinkSync(p('symptoms/en/insufficient-funds.yaml')));
    expect(message).toContain('symptoms/zh/insufficient-funds.yaml › id: entry "insufficient-funds" exists in zh only');
    expect(message).toContain('Fix: write');
    expect(message).toContain('symptoms/en/insufficient-funds.yaml');
  });

  it('rejects a topic page missing in one language', () => {
    const message = broken((p) => unlinkSync(p('topics/en/impact.md')));
    expect(message).toContain('topics/en/impact.md › -: the en "impact" topic page is missing');
  });

  it('rejects two entries with the same id', () => {
    const message = broken((p) => {
      for (const l of ['zh', 'en']) {
        cpSync(p(`symptoms/${l}/network-timeout.yaml`), p(`symptoms/${l}/network-timeout-copy.yaml`));
      }
    });
    expect(message).toContain('symptoms/zh/network-timeout-copy.yaml › id: id "network-timeout" does not match the file name "network-timeout-copy.yaml"');
    expect(message).toContain('Fix: rename the file to network-timeout.yaml or set id: network-timeout-copy');
  });

  it('rejects a response code claimed by two entries', () => {
    const message = broken((p) => {
      for (const l of ['zh', 'en']) replaceIn(p(`symptoms/${l}/network-timeout.yaml`), 'codes: []', 'codes: ["51"]');
    });
    expect(message).toContain('› codes: code "51" is already claimed by');
    expect(message).toContain('a code belongs to one entry');
  });

  it('rejects language-independent fields that differ between languages', () => {
    const message = broken((p) => replaceIn(p('symptoms/en/network-timeout.yaml'), 'actors: [merchant]', 'actors: [vendor]'));
    expect(message).toContain('symptoms/en/network-timeout.yaml › actors: ["vendor"] differs from ["merchant"]');
    expect(message).toContain('Fix: make actors the same in both languages');
  });

  it('rejects a related entry that does not exist', () => {
    const message = broken((p) => {
      for (const l of ['zh', 'en']) replaceIn(p(`symptoms/${l}/network-timeout.yaml`), 'related: [insufficient-funds]', 'related: [no-such-entry]');
    });
    expect(message).toContain('symptoms/zh/network-timeout.yaml › related.0: "no-such-entry" is not the id of any entry');
  });

  it('rejects an internal link that points nowhere, with its line', () => {
    const message = broken((p) => replaceIn(p('topics/zh/causes.md'), '/symptoms/network-timeout/', '/symptoms/nowhere/'));
    expect(message).toContain('topics/zh/causes.md › line 9: Link `/symptoms/nowhere/` points to a page that does not exist');
  });

  it('reports a YAML syntax error with its line', () => {
    const message = broken((p) => replaceIn(p('symptoms/zh/network-timeout.yaml'), 'title: 连接超时', 'title: 连接超时: "x'));
    expect(message).toMatch(/symptoms\/zh\/network-timeout\.yaml › -: cannot be read \(line 2\)/);
  });

  it.each([
    ['a phone number', '请拨打 400-123-4567 咨询', 'steps.0'],
    ['a web address', '详见 www.example.com', 'steps.0'],
    ['a social-media contact', '加微信 posfix 领取', 'steps.0'],
  ])('rejects %s in any text', (what, text, field) => {
    const message = broken((p) => replaceIn(p('symptoms/zh/insufficient-funds.yaml'), /^steps: \[.*\]$/m, `steps: ["${text}"]`));
    expect(message).toContain(`symptoms/zh/insufficient-funds.yaml › ${field}: contains ${what}`);
    expect(message).toContain('name the role instead');
  });

  it('rejects a phone number in a topic page body', () => {
    const message = broken((p) => replaceIn(p('topics/en/impact.md'), 'Answer with', 'Call +86 10 1234 5678 and answer with'));
    expect(message).toContain('topics/en/impact.md › body: contains a phone number ("+86 10 1234 5678")');
  });

  it('lists every problem at once', () => {
    const message = broken((p) => {
      replaceIn(p('symptoms/zh/network-timeout.yaml'), 'category: network', 'category: wifi');
      unlinkSync(p('topics/en/impact.md'));
    });
    expect(message).toMatch(/has 2 problems/);
  });
});

describe('glossary validation', () => {
  it('accepts the fixture glossary, the same terms in both languages', () => {
    const { glossary } = loadCatalogue(FIXTURE_CONTENT);
    expect(glossary.zh.map((t) => t.id)).toEqual(['acquirer', 'host', 'reversal']);
    expect(glossary.en.map((t) => t.id)).toEqual(glossary.zh.map((t) => t.id));
  });

  it('rejects a glossary or diagnosis file named after no language, and says how to name it', () => {
    for (const folder of ['glossary', 'diagnose']) {
      const message = broken((p) => writeFileSync(p(`${folder}/de.yaml`), readFileSync(p(`${folder}/en.yaml`))));
      expect(message).toContain(`${folder}/de.yaml › -: "de" is not one of the languages`);
      expect(message).toContain('Fix: name the file after its language: zh.yaml or en.yaml');
    }
  });

  it('rejects a glossary missing in one language', () => {
    const message = broken((p) => unlinkSync(p('glossary/en.yaml')));
    expect(message).toContain('glossary/en.yaml › -: the en glossary is missing');
    expect(message).toContain("Fix: write");
    expect(message).toContain("copy the other language's file");
  });

  it('rejects a term that exists in one language only', () => {
    const message = broken((p) => replaceIn(p('glossary/en.yaml'), /  - id: reversal\n[\s\S]*$/, ''));
    expect(message).toContain('glossary/zh.yaml › terms.2.id: term "reversal" exists in zh only');
    expect(message).toContain('Fix: add it to faq/glossary/en.yaml with the same id');
  });

  it('rejects two terms with the same id', () => {
    const message = broken((p) => {
      for (const l of ['zh', 'en']) replaceIn(p(`glossary/${l}.yaml`), 'id: reversal', 'id: host');
    });
    expect(message).toContain('glossary/zh.yaml › terms.2.id: id "host" is already used by terms.1 ("后台")');
    expect(message).toContain('Fix: give each term its own id');
  });

  it('rejects a "see" link to a term that does not exist', () => {
    const message = broken((p) => {
      for (const l of ['zh', 'en']) replaceIn(p(`glossary/${l}.yaml`), 'see: [host]', 'see: [no-such-term]');
    });
    expect(message).toContain('glossary/zh.yaml › terms.0.see.0: "no-such-term" is not the id of any term in this file');
    expect(message).toContain('Fix: use the id of a term of the glossary, or remove it');
  });

  it('rejects a link to an entry that does not exist', () => {
    const message = broken((p) => {
      for (const l of ['zh', 'en']) replaceIn(p(`glossary/${l}.yaml`), 'entries: [network-timeout]', 'entries: [gone]');
    });
    expect(message).toContain('glossary/en.yaml › terms.1.entries.0: "gone" is not the id of any entry');
  });

  it('rejects a word claimed by two terms, whatever its case, spaces or hyphens', () => {
    const message = broken((p) => replaceIn(p('glossary/en.yaml'), 'term: reversal', 'term: reversal\n    also: [Acquiring-Bank]'));
    expect(message).toContain('glossary/en.yaml › terms.2.also.0: "Acquiring-Bank" is already a form of "acquirer" (terms.0, "acquiring bank")');
    expect(message).toContain('Fix: a word links to one term only');
  });

  it('rejects markup in glossary text, which is plain text', () => {
    const message = broken((p) => replaceIn(p('glossary/zh.yaml'), '收单机构处理交易的计算机系统。', '收单机构处理交易的<b>计算机</b>系统，见 [冲正](/glossary/#reversal)。'));
    expect(message).toContain('glossary/zh.yaml › terms.1.text: contains an HTML tag ("<b>")');
    expect(message).toContain('Fix: write it as plain text');
  });

  it('rejects fields that differ between the languages', () => {
    const message = broken((p) => replaceIn(p('glossary/en.yaml'), 'group: terminal', 'group: money'));
    expect(message).toContain('glossary/en.yaml › terms.1.group: "money" differs from "terminal" in');
    expect(message).toContain('Fix: make group the same in both languages');
  });

  it('rejects an unknown group and lists the allowed ones', () => {
    const message = broken((p) => replaceIn(p('glossary/zh.yaml'), 'group: parties', 'group: people'));
    expect(message).toContain('glossary/zh.yaml › terms.0.group: "people" is not allowed');
    expect(message).toContain('Fix: use one of: parties, terminal, transactions, receipt, money');
  });
});
