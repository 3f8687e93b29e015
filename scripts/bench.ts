// `npm run bench`: how fast the site builds and how much a first lookup costs, written to
// docs/benchmarks.md with the machine it ran on. Not a test: the figures depend on the machine.
//
//   npm run bench                      # the shipped catalogue, then 1,000 and 10,000 entries
//   npm run bench -- --sizes=1000      # other scale runs (--sizes= for none)
//   npm run bench -- --runs=3          # cold runs per measurement (default 5)
//   npm run bench -- --builds=1        # cold site builds timed, the median reported (default 3)
//
// Everything is built into a temporary folder (POS_FAQ_BENCH_DIR, default <tmp>/pos-faq-bench):
// dist/ and offline/ are left alone.
//
// The pieces are in scripts/bench/: build.ts (timed builds and sizes), lookups.ts and host-page.ts
// (the measurements in Chromium), report.ts (the Markdown), figures.ts (what they share).
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateCatalogue } from './bench-catalogue.ts';
import { astroBuild, bytesIn, filesIn, isIndexFile, timed, type Run } from './bench/build.ts';
import { s, type Ui } from './bench/figures.ts';
import { measureUis, type UiFigures } from './bench/lookups.ts';
import { measureHeader, type HeaderFigures } from './bench/header.ts';
import { renderReport, thisMachine, type ScaleRun } from './bench/report.ts';
import { launch } from '../tests/helpers/browser.ts';
import { lastSuite } from '../tests/helpers/engine-times.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '5' },
    warm: { type: 'string', default: '60' },
    builds: { type: 'string', default: '3' },
  },
});
const SIZES = options.sizes.split(',').filter(Boolean).map(Number);
const RUNS = Number(options.runs);
const WORK = process.env['POS_FAQ_BENCH_DIR'] ?? join(tmpdir(), 'pos-faq-bench');

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const startedAt = new Date();
  const load = loadavg()[0]!;

  const dist = join(WORK, 'dist');
  // Cold builds of the site alone, one after the other: each empties dist/ first. The last one's
  // output is the one measured below.
  const siteBuilds: Run[] = [];
  for (let i = 0; i < Math.max(1, Number(options.builds)); i++) {
    console.log(`Building the shipped catalogue (${i + 1})…`);
    const run = await astroBuild('faq', dist);
    console.log(`  ${s(run.seconds)} wall, ${run.cpuSeconds == null ? 'n/a' : s(run.cpuSeconds)} CPU, load ${run.load?.toFixed(2)}`);
    siteBuilds.push(run);
  }
  const build = siteBuilds.at(-1)!;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  let offline: Run | null = null;
  if (pkg.scripts['offline']) {
    console.log('Building the offline bundle…');
    offline = await timed('npm', ['run', '--silent', 'offline', '--', `--dist=${dist}`, `--out=${join(WORK, 'offline')}`]);
  }
  const pages = filesIn(dist).filter((f) => f.endsWith('.html')).length;
  const indexBytes = bytesIn(join(dist, 'pagefind'), isIndexFile);
  const pagefindBytes = bytesIn(join(dist, 'pagefind'));
  const widgetGzip = gzipSync(readFileSync(join(dist, 'widget/pos-faq.js')), { level: 9 }).length;
  const zipBytes = offline ? (filesIn(join(WORK, 'offline')).filter((f) => f.endsWith('.zip')).map((f) => statSync(f).size)[0] ?? null) : null;

  // Chromium itself, not the tests' headless shell: the lookups are timed in the browser people use.
  const browser = await launch([], 'browser');
  const chromium = await browser.version();
  let uis: Partial<Record<Ui, UiFigures>>;
  let header: HeaderFigures;
  const scale: ScaleRun[] = [];
  try {
    console.log('Measuring both lookups on the shipped catalogue…');
    uis = await measureUis(browser, dist, ['ours', 'pagefind'], { runs: RUNS, warm: Number(options.warm) });
    console.log('Measuring the header search on a symptom page, ours and Pagefind UI…');
    header = await measureHeader(browser, dist, RUNS);

    for (const size of SIZES) {
      console.log(`Scale run: ${size} entries per language…`);
      // A failed scale run is reported and left out: the figures measured so far still count.
      try {
        const content = join(WORK, `faq-${size}`);
        const out = join(WORK, `dist-${size}`);
        generateCatalogue(size, content);
        const run = await astroBuild(content, out);
        const scalePages = filesIn(out).filter((f) => f.endsWith('.html')).length;
        console.log(`  built ${scalePages} pages in ${s(run.seconds)} (CPU ${run.cpuSeconds == null ? 'n/a' : s(run.cpuSeconds)}, load ${run.load?.toFixed(2)}), peak ${run.peakMiB?.toFixed(0)} MB`);
        const figures = await measureUis(browser, out, ['ours'], { runs: RUNS, warm: Math.min(Number(options.warm), 30) });
        scale.push({ entries: size, pages: scalePages, build: run, indexBytes: bytesIn(join(out, 'pagefind'), isIndexFile), ours: figures.ours });
        rmSync(out, { recursive: true, force: true });
        rmSync(content, { recursive: true, force: true });
      } catch (error) {
        console.error(`  the scale run of ${size} entries failed, left out of the report:`, error);
      }
    }
  } finally {
    await browser.close();
  }

  const report = renderReport({
    startedAt,
    machine: thisMachine(),
    load,
    chromium,
    runs: RUNS,
    build,
    siteBuilds,
    offline,
    pages,
    indexBytes,
    pagefindBytes,
    widgetGzip,
    zipBytes,
    uis,
    header,
    scale,
    suite: lastSuite(),
  });
  console.log(`\n${report}`);
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  writeFileSync(join(ROOT, 'docs/benchmarks.md'), report);
  console.log('Written to docs/benchmarks.md');
}

await main();
