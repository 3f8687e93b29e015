import { describe, expect, it } from 'vitest';
import type { Cold, UiFigures } from '../../scripts/bench/lookups.ts';
import { renderReport, type ReportInput } from '../../scripts/bench/report.ts';

// `npm run bench` takes twelve minutes and its figures depend on the machine, so the report is
// checked here on fixed figures: its tables stay well formed and it compares against the targets.

const KB = 1024;

function cold(bytes: number, ms: number, kinds: Record<string, number>): Cold {
  return { bytes, requests: 13, ms, kinds };
}

function figures(bytes: number, warm: number[]): UiFigures {
  const kinds = { 'widget script': 12 * KB, 'index chunks': bytes - 12 * KB };
  return {
    cold: { zh: cold(bytes, 65, kinds), en: cold(bytes - 10 * KB, 45, kinds) },
    slow: { zh: cold(bytes, 1371, kinds), en: cold(bytes - 10 * KB, 1308, kinds) },
    warm: { shown: warm, api: warm.map((ms) => ms / 2), misses: 0, queries: warm.length },
  };
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    startedAt: new Date('2026-11-25T19:12:30Z'),
    machine: { cpu: 'Test CPU', cores: 2, memoryBytes: 8 * 1024 ** 3, freeBytes: 2 * 1024 ** 3, os: 'Linux 6.0', node: 'v24.0.0' },
    load: 0.82,
    chromium: 'Chrome/156.0',
    runs: 5,
    build: { seconds: 1.8, peakMiB: 595 },
    siteBuilds: [
      { seconds: 4.2, peakMiB: 595, cpuSeconds: 3.9, load: 1.25 },
      { seconds: 3.8, peakMiB: 590, cpuSeconds: 3.6, load: 1.5 },
      { seconds: 4.0, peakMiB: 600, cpuSeconds: 3.7, load: 1.75 },
    ],
    offline: { seconds: 0.8, peakMiB: 200 },
    pages: 190,
    indexBytes: 0.6 * 1024 * KB,
    pagefindBytes: 1.4 * 1024 * KB,
    widgetGzip: 11.9 * KB,
    zipBytes: 1024 * KB,
    uis: {
      ours: figures(140 * KB, [4, 8, 12, 60]),
      pagefind: { ...figures(170 * KB, [9, 9, 9, 9]), cold: { zh: cold(170 * KB, 38, { 'Pagefind UI script and CSS': 34 * KB }), en: cold(150 * KB, 25, {}) } },
    },
    scale: [],
    ...overrides,
  };
}

/** The rows of every table in the report, one array of rows per table. */
function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) current = undefined;
    else if (current) current.push(line);
    else found.push((current = [line]));
  }
  return found;
}

describe('renderReport', () => {
  const report = renderReport(input());

  it('names the machine and the run', () => {
    expect(report.startsWith('# Benchmarks\n\nWritten by `npm run bench` (scripts/bench.ts) on 2026-11-25 19:12 UTC.')).toBe(true);
    expect(report).toContain('| CPU | Test CPU, 2 cores |');
    expect(report).toContain('| Memory | 8.0 GB (2.0 GB free at the end) |');
    expect(report).toContain('| Chromium | Chrome/156.0, headless |');
    expect(report).toContain('Medians of 5 cold runs (3 under Slow 4G');
    expect(report.endsWith('`tests/.out/last-suite.json`): run it for this row.\n\n')).toBe(true);
  });

  it('checks the shipped catalogue against the targets', () => {
    expect(report).toContain('| Full build: Astro, Pagefind, widget, offline bundle | 2.6 s (site 1.8 s, offline 0.8 s), 9.5 s per 1,000 pages | ≤ 15 s per 1,000 pages ✅ |');
    expect(report).toContain('| First lookup, zh "连接超时": bytes | 140.0 KB in 13 requests | ≤ 150 KB ✅ |');
    expect(report).toContain('| First lookup, zh: time, loopback / Slow 4G | 65 ms / 1371 ms | |');
    expect(report).toContain('| Warm lookup, typed → shown, p50 / p95 | 10 ms / 53 ms | p50 ≤ 20 ms ✅ |');
    // The median of the cold site builds, per page, wall and CPU, each build with its load.
    expect(report).toContain(
      '| Cold site build (`astro build`), median of 3: per page, wall / CPU | 21.1 ms / 19.5 ms (4.2 s (CPU 3.9 s) at load 1.25; 3.8 s (CPU 3.6 s) at load 1.50; 4.0 s (CPU 3.7 s) at load 1.75) | ≤ 21 ms a page ❌ |',
    );
    expect(renderReport(input({ pages: 200 }))).toContain('| 20.0 ms / 18.5 ms (');
    expect(renderReport(input({ pages: 200 }))).toContain('≤ 21 ms a page ✅ |');
    expect(report).toContain('| Offline bundle zip | 1.0 MB | |');

    const heavy = renderReport(input({ widgetGzip: 13.5 * KB, uis: { ...input().uis, ours: figures(160 * KB, [70]) } }));
    expect(heavy).toContain('| Widget, gzip -9 | 13.5 KB | ≤ 13 KB ❌ |');
    expect(heavy).toContain('| First lookup, zh "连接超时": bytes | 160.0 KB in 13 requests | ≤ 150 KB ❌ |');
    expect(heavy).toContain('p50 ≤ 20 ms ❌ |');
  });

  it('compares the header search with Pagefind UI and Starlight, against the targets', () => {
    const run = (before: number, withSearch: number, ms: number) => ({ zh: { before, withSearch, ms }, en: { before, withSearch, ms } });
    const withHeader = renderReport(input({ header: { ours: run(20 * KB, 150 * KB, 180), pagefind: run(60 * KB, 190 * KB, 420) } }));
    expect(withHeader).toContain('| Page before any interaction, zh | 20.0 KB | 60.0 KB | 55.0 KB | 0.33× | 0.36× | ≤ 0.5× ✅ |');
    expect(withHeader).toContain('| Page + first search, en | 150.0 KB | 190.0 KB | 201.0 KB | 0.79× | 0.75× | ≤ 0.8× ✅ |');
    expect(withHeader).toContain('| Input event → first result, zh | 180 ms | 420 ms | 410 ms | 0.43× | 0.44× | ≤ 0.5× ✅ |');
    expect(report).not.toContain('Header search on a symptom page');
    for (const table of tables(withHeader)) {
      const cells = (row: string) => row.split('|').length;
      expect(table.every((row) => cells(row) === cells(table[0]!))).toBe(true);
    }
  });

  it('compares our lookup with Pagefind UI, kind of file by kind of file', () => {
    expect(report).toContain('| First lookup bytes, zh | 140.0 KB | 170.0 KB | 0.82× | |');
    expect(report).toContain('| Warm lookup p50 | 10 ms | 9.0 ms | 1.11× | ≤ 20 ms ✅ |');
    // Issue 23's targets: ≤ 1.5× on loopback, ≤ 1.0× under Slow 4G, Pagefind UI without debounce.
    expect(report).toContain('| First lookup time, zh, loopback | 65 ms | 38 ms | 1.71× | ≤ 1.5× ❌ |');
    expect(report).toContain('| First lookup time, en, loopback | 45 ms | 25 ms | 1.80× | ≤ 1.5× ❌ |');
    expect(report).toContain('| First lookup time, zh, Slow 4G | 1371 ms | 1371 ms | 1.00× | ≤ 1.0× ✅ |');
    expect(report).toContain('debounceTimeoutMs: 0');
    expect(report).not.toContain('Queries that showed nothing');
    expect(report).toContain('| File | Ours, zh | Pagefind UI, zh | Ours, en | Pagefind UI, en |');
    expect(report).toContain('| widget script | 12.0 KB | – | 12.0 KB | – |');
    expect(report).toContain('| Pagefind UI script and CSS | – | 34.0 KB | – | – |');
  });

  it('says when the scale runs were left out, and checks them when they ran', () => {
    expect(report).toContain('| 1,000 | not run (`--sizes=`, or it failed: see the run\'s output) | | | | | | | | |');
    expect(report).toContain('| 10,000 | not run (`--sizes=`, or it failed: see the run\'s output) | | | | | | | | |');
    const scaled = renderReport(
      input({
        scale: [
          { entries: 1000, pages: 2044, build: { seconds: 5.4, peakMiB: null, cpuSeconds: 6.1, load: 2 }, indexBytes: 2.7 * 1024 * KB, ours: figures(145 * KB, [17]) },
          { entries: 10_000, pages: 20_044, build: { seconds: 42.8, peakMiB: 2748 }, indexBytes: 21 * 1024 * KB, ours: figures(310 * KB, [31]) },
        ],
      }),
    );
    expect(scaled).not.toContain('not run');
    expect(scaled).toContain('| 1,000 | 2044 | 5.4 s | 2.6 s ✅ | 2.6 ms / 3.0 ms (load 2.00) | n/a | 2.7 MB | 145.0 KB / 135.0 KB | 65 ms / 45 ms | 17 ms ✅ |');
    expect(scaled).toContain('| 10,000 | 20044 | 42.8 s | 2.1 s ✅ | 2.1 ms / n/a | 2748 MB | 21.0 MB | 310.0 KB / 300.0 KB ❌ |');
    const one = renderReport(input({ scale: [{ entries: 1000, pages: 2044, build: { seconds: 5.4, peakMiB: null }, indexBytes: KB, ours: undefined }] }));
    expect(one).toContain('| 10,000 | not run (`--sizes=`, or it failed');
    expect(one).not.toContain('| 1,000 | not run');
  });

  it('reports the last whole npm test against eight minutes, and says when there is none', () => {
    expect(report).toContain('No whole `npm test` recorded in this checkout');
    const suite = { at: '2026-12-07T16:31:05.000Z', commit: '7f4734e', seconds: 443, green: true, parts: { 'set-up': 8, Vitest: 435, 'widget suite beside it': 208 } };
    expect(renderReport(input({ suite }))).toContain(
      '| Last whole `npm test` here, 2026-12-07 16:31 UTC on `7f4734e` | 443 s, green (set-up 8 s, Vitest 435 s, widget suite beside it 208 s) | ≤ 480 s ✅ |',
    );
    expect(renderReport(input({ suite: { ...suite, seconds: 530 } }))).toContain('| ≤ 480 s ❌ |');
    // A red run meets no time target, however quick.
    expect(renderReport(input({ suite: { ...suite, green: false } }))).toContain('443 s, red (');
    expect(renderReport(input({ suite: { ...suite, green: false } }))).toContain('| ≤ 480 s ❌ |');
  });

  it('keeps every table well formed: each row has as many cells as the header', () => {
    const suite = { at: '2026-12-07T16:31:05.000Z', commit: null, seconds: 443, green: true, parts: { Vitest: 435 } };
    const all = [report, renderReport(input({ offline: null, zipBytes: null, suite }))];
    for (const [i, markdown] of all.entries()) {
      const found = tables(markdown);
      expect(found).toHaveLength(i === 0 ? 5 : 6);
      for (const rows of found) {
        const cells = (row: string) => row.split('|').length;
        expect(rows[1]).toMatch(/^\|( --- \|)+$/);
        for (const row of rows) expect(cells(row), row).toBe(cells(rows[0]!));
      }
    }
  });
});
