import { describe, expect, it } from 'vitest';
import type { SymptomEntry } from '../../src/lib/catalogue-types.ts';
import { changesFeed, recentChanges } from '../../src/lib/changes.ts';

/** The change log's order and the feed's handling of text, on entries made up for the test. */
const entry = (id: string, title: string, changes: { date: string; note: string }[]) =>
  ({ id, title, changes, locale: 'en', file: `faq/symptoms/en/${id}.yaml` }) as unknown as SymptomEntry;

const entries = [
  entry('b-entry', 'B <script>alert(1)</script> & co', [{ date: '2026-11-02', note: 'Do not press <Enter> twice & wait.' }]),
  entry('a-entry', 'A entry', [
    { date: '2026-12-05', note: 'Newest.' },
    { date: '2026-10-01', note: 'Oldest.' },
  ]),
];

describe('the change log', () => {
  it('lists every change newest first, with stable anchors', () => {
    expect(recentChanges(entries, 'en').map((c) => `${c.date} ${c.entry.id}`)).toEqual([
      '2026-12-05 a-entry',
      '2026-11-02 b-entry',
      '2026-10-01 a-entry',
    ]);
  });

  it('writes an Atom feed whose titles and summaries stay text', () => {
    const xml = changesFeed(entries, 'en');
    expect(xml).toMatch(/^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
    expect(xml).toContain('<updated>2026-12-05T00:00:00.000Z</updated>');
    expect(xml).toContain('B &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(xml).toContain('Do not press &lt;Enter&gt; twice &amp; wait.');
    expect(xml).not.toContain('<script>');
    expect(xml.indexOf('Newest.')).toBeLessThan(xml.indexOf('Oldest.'));
    expect(xml).toMatch(/\/en\/symptoms\/a-entry\/#change-2026-12-05-2/);
    expect(xml).toMatch(/\/en\/symptoms\/a-entry\/#change-2026-10-01-1/);
  });
});
