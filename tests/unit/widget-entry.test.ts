import { describe, expect, it } from 'vitest';
import { entryData, entryMap, resolveEntry } from '../../src/lib/widget-entry.ts';
import { offlineEntryScript } from '../../src/offline/zip/entries.ts';

const entries = [
  { id: 'insufficient-funds', codes: ['51'] },
  { id: 'card-error', codes: ['14', '51'] },
  { id: 'paper-jam', codes: [] },
];

describe('the entries the widget opens inside itself', () => {
  it('maps each code to the first entry that claims it', () => {
    expect(entryMap(entries)).toEqual({
      version: 1,
      ids: ['insufficient-funds', 'card-error', 'paper-jam'],
      codes: { '51': 'insufficient-funds', '14': 'card-error' },
    });
  });

  it('resolves ids and codes as people write them, and nothing else', () => {
    const map = entryMap(entries);
    expect(['paper-jam', '51', ' code 51 ', '14', 'rc=14'].map((x) => resolveEntry(map, x))).toEqual([
      'paper-jam',
      'insufficient-funds',
      'insufficient-funds',
      'card-error',
      'card-error',
    ]);
    expect(['nope', '99', '', 'PAPER-JAM'].map((x) => resolveEntry(map, x))).toEqual([null, null, null, null]);
  });

  it('carries every part of the entry a merchant acts on, and the titles of related entries', () => {
    const source = {
      id: 'paper-jam',
      title: 'Paper jam',
      summary: 'The paper is stuck.',
      actors: ['merchant', 'vendor'],
      codes: [],
      messages: ['PAPER JAM'],
      steps: ['Open the cover.', 'Pull the paper out.'],
      avoid: ['Do not use a knife.'],
      escalate: { when: 'It jams again.', to: 'The terminal vendor' },
      related: ['out-of-paper'],
    };
    const data = entryData('en', source, () => ({ title: 'Out of paper' }));
    expect(data).toMatchObject({ url: '/en/symptoms/paper-jam/', steps: source.steps, avoid: source.avoid });
    expect(data.related).toEqual([{ id: 'out-of-paper', title: 'Out of paper' }]);
  });

  it('offline: a classic script that registers the data under its own address, its page a file', () => {
    const script = offlineEntryScript(JSON.stringify({ version: 1, id: 'x', url: '/zh/symptoms/x/', title: '卡纸' }), 'widget/entry/zh/x.json');
    expect(script).toContain('[document.currentScript.src]');
    expect(script).toContain('"url":"/zh/symptoms/x/index.html"');
    expect(/[^\x00-\x7f]/.test(script)).toBe(false);
    expect(() => offlineEntryScript('{', 'f.json')).toThrow(/f\.json .*not valid JSON/);
  });
});
