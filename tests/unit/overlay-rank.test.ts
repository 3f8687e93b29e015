// The widget's side of a vendor overlay, on the example overlay: the run-time check of the JSON
// (widget/overlay-data.ts) and how its entries meet the shared results (widget/overlay-rank.ts).
// In the browser: tests/engines/embed-overlay.test.ts.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { loadOverlay, overlayJson } from '../../src/lib/overlay.ts';
import type { OverlayFile } from '../../src/schemas/overlay.ts';
import { readOverlay } from '../../widget/overlay-data.ts';
import { overlayViews } from '../../widget/overlay-entry.ts';
import { byVendorCode, indexEntries, overlayRanker } from '../../widget/overlay-rank.ts';
import { coverage, rankedSearch, searchOnce } from '../../widget/rank.ts';
import type { SharedResults } from '../../widget/overlay-types.ts';
import type { LookupResult } from '../../widget/search-client.ts';
import { ROOT } from '../helpers/build.ts';

const example = loadOverlay(resolve(ROOT, 'examples/overlay'), loadCatalogue(resolve(ROOT, 'faq'), ROOT), ROOT);
const json = () => JSON.parse(overlayJson(example)) as OverlayFile;
const q = { fold: (s: string) => s, coverage, rank: rankedSearch, once: searchOnce };
const where = (id: string) => `https://vendor.example/help#${id}`;

/** A shared result as the index gives it. */
const shared = (id: string, codes: string[] = []): LookupResult => ({ id, url: `https://faq/en/symptoms/${id}/`, title: id, summary: '', actor: 'merchant', codes, step: '' });
/** The shared results of a query, with what each says of it, as search-client.ts hands them over. */
const pass = (query: string, results: LookupResult[], texts: string[], code = false): SharedResults => {
  const said = texts.map((t) => coverage(query, t));
  return { results, code, said, confidence: code ? 1 : Math.max(0, ...said) };
};

describe('the overlay JSON, checked in the widget', () => {
  it('reads what npm run overlay writes', () => {
    // Every field but an entry's changes, which the widget does not show.
    const shown = (lang: 'zh' | 'en') => ({ ...example[lang], entries: example[lang].entries.map(({ changes: _, ...e }) => e) });
    expect(readOverlay(json())).toEqual({ ...example, zh: shown('zh'), en: shown('en') });
  });

  it('names the first field at fault', () => {
    expect(() => readOverlay('<html>')).toThrow('it is not an overlay (not a JSON object)');
    expect(() => readOverlay({ ...json(), version: 2 })).toThrow('it has version 2; this widget reads version 1');
    const bad = json();
    (bad.en.entries[3] as unknown as Record<string, unknown>)['title'] = 42;
    expect(() => readOverlay(bad)).toThrow('en.entries.3.title is not text');
    const noSteps = json();
    noSteps.zh.notes[0]!.steps = [];
    expect(() => readOverlay(noSteps)).toThrow('has no steps');
    expect(() => readOverlay({ ...json(), id: '../x' })).toThrow('id is not an overlay id');
  });

  it('keeps only the fields it knows, and markup as text', () => {
    const data = json();
    data.en.entries[0]!.title = '<img src=x onerror=alert(1)>';
    (data.en.entries[0] as unknown as Record<string, unknown>)['onclick'] = 'alert(1)';
    const read = readOverlay(data);
    expect(read.en.entries[0]!.title).toBe('<img src=x onerror=alert(1)>');
    expect(read.en.entries[0]).not.toHaveProperty('onclick');
  });
});

describe('a vendor code in a query', () => {
  const indexed = indexEntries(example.en.entries);
  const find = (query: string) => byVendorCode(indexed, example, query)?.entry.id;

  it.each([
    ['E101', 'printer-overheat'],
    ['e101', 'printer-overheat'],
    ['acme e101', 'printer-overheat'],
    ['ACME-E101', 'printer-overheat'],
    ['Acme Terminals E101', 'printer-overheat'],
    ['Acme 支付终端 ERR-3', 'keys-lost'],
    ['err 3', 'keys-lost'],
    ['ERR3', 'keys-lost'],
    ['E302 on the screen', 'card-reader-fault'],
    ['ＥＲＲ－５', 'clock-error'],
  ])('%s finds %s', (query, id) => {
    expect(find(query)).toBe(id);
  });

  it.each(['51', 'A0', 'E10', 'printer', 'acme'])('%s finds no vendor code', (query) => {
    expect(find(query)).toBeUndefined();
  });
});

describe('overlay entries among the shared results', () => {
  const rank = overlayRanker(example, where).merge;

  it('puts the vendor code first, marked with the vendor\'s name', async () => {
    const p = pass('acme e101', [shared('faint-print'), shared('out-of-paper')], ['print faint', 'printer out of paper']);
    const out = await rank(p, 'acme e101', 'en', 5, q);
    expect(out.results[0]).toMatchObject({ id: 'printer-overheat', vendor: 'Acme Terminals', codes: ['E101'], url: where('printer-overheat') });
    expect(out.results[0]!.step).toMatch(/^Stop printing/);
    expect(out.confidence).toBe(1);
    const zh = await rank(p, 'E101', 'zh-CN', 5, q);
    expect(zh.results[0]).toMatchObject({ title: 'E101 打印机过热', vendor: 'Acme 支付终端' });
  });

  it('never shadows a shared code: its entry stays first', async () => {
    const p = pass('51', [shared('insufficient-funds', ['51']), shared('over-limit')], ['51 insufficient funds', 'over limit'], true);
    const out = await rank(p, '51', 'en', 5, q);
    expect(out.results[0]!.id).toBe('insufficient-funds');
    expect(out.results.every((r, i) => i === 0 || r.vendor === undefined || !r.codes.includes('51'))).toBe(true);
  });

  it('takes the place of "unknown code" for a two-character vendor code', async () => {
    const data = json();
    data.en.entries.find((e) => e.id === 'clock-error')!.codes.push('E1');
    const p = pass('E1', [shared('unknown-code'), shared('wrong-date-time')], ['unknown code', 'wrong date'], true);
    const out = await overlayRanker(data, where).merge(p, 'E1', 'en', 5, q);
    expect(out.results[0]!.id).toBe('clock-error');
    expect(out.results.map((r) => r.id)).not.toContain('unknown-code');
    expect(out.results.map((r) => r.id)).toContain('wrong-date-time');
  });

  it('ranks text queries by what each entry says of them, shared entries first when they say as much', async () => {
    const unrelated = pass('printer overheat', [shared('refund-how')], ['how to refund a sale']);
    const out = await rank(unrelated, 'printer overheat', 'en', 5, q);
    // Entries that say half of it ("battery overheat", "printer cover open") before one that says none.
    expect(out.results.map((r) => r.id)).toEqual(['printer-overheat', 'paper-door-open', 'battery-overheat', 'refund-how']);
    expect(out.confidence).toBe(1);
    const answered = pass('printer overheat', [shared('out-of-paper')], ['printer out of paper, printer overheat']);
    const tie = await rank(answered, 'printer overheat', 'en', 5, q);
    expect(tie.results.map((r) => r.id).slice(0, 2)).toEqual(['out-of-paper', 'printer-overheat']);
  });

  it('keeps to the limit and leaves a query it cannot answer alone', async () => {
    const p = pass('weather tomorrow', [shared('a'), shared('b'), shared('c')], ['a', 'b', 'c']);
    expect((await rank(p, 'E101', 'en', 2, q)).results.map((r) => r.id)).toEqual(['printer-overheat', 'a']);
    const none = await rank(p, 'weather tomorrow', 'en', 5, q);
    expect(none.results.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(none.confidence).toBe(0);
  });
});

describe("the overlay's side of the entry view", () => {
  const view = overlayViews(readOverlay(json()));
  const sharedTitle = async (id: string) => `shared ${id}`;

  it('finds an overlay entry by its id or any spelling of its code, and nothing of the shared catalogue', () => {
    expect(['printer-overheat', 'E101', 'e-101', ' err 3 '].map((x) => view.idFor('en', x))).toEqual([
      'printer-overheat',
      'printer-overheat',
      'printer-overheat',
      'keys-lost',
    ]);
    expect(['51', 'out-of-paper', 'acme'].map((x) => view.idFor('zh', x))).toEqual([undefined, undefined, undefined]);
  });

  it("gives an overlay entry in the entry view's shape, without a page of its own, its related titles from both", async () => {
    const data = (await view.entry('en', 'printer-overheat', sharedTitle))!;
    expect(data).toMatchObject({ version: 1, id: 'printer-overheat', url: '', title: 'E101 Printer overheated', codes: ['E101'] });
    expect(data.steps).toHaveLength(4);
    expect(data.avoid[0]).toMatch(/^Do not ask the customer to pay again/);
    expect(data.related).toEqual([
      { id: 'out-of-paper', title: 'shared out-of-paper' },
      { id: 'charged-no-receipt', title: 'shared charged-no-receipt' },
    ]);
    expect(await view.entry('en', 'out-of-paper', sharedTitle)).toBeNull();
  });

  it('gives the model notes on a shared entry, and none on another', () => {
    expect(view.notes('en', 'out-of-paper').map((n) => [n.models, n.steps.length])).toEqual([[['A8'], 3]]);
    expect(view.notes('zh', 'no-response')).toHaveLength(1);
    expect(view.notes('en', 'paper-jam')).toEqual([]);
    expect(view.name('zh')).toBe('Acme 支付终端');
  });
});
