// docs/benchmarks.md from the figures of one run. renderReport is pure: the machine and the run's
// settings come in with the figures, so that the same input always gives the same page (and a unit
// test can check it without the twelve-minute run).
import { cpus, freemem, release, totalmem, type as osType } from 'node:os';
import type { Run } from './build.ts';
import { DEBOUNCE, FIRST_QUERY, kib, LANGS, median, mib, ms, percentile, s, type Ui } from './figures.ts';
import type { UiFigures } from './lookups.ts';
import type { SuiteRecord } from '../../tests/helpers/engine-times.ts';
import { HEADER_PAGE, HEADER_TARGET, STARLIGHT, type HeaderFigures } from './header.ts';

/** Targets from issue 6, and those issue 23 tightened or added. */
const TARGET = {
  firstLookupBytes: 150 * 1024,
  firstLookupBytesAt10k: 300 * 1024,
  /** Issue 23: was 50 ms. */
  warmP50Ms: 20,
  buildSecondsPer1000Pages: 15,
  /** Issue 23: a cold `astro build`, median of 3, ≤ 0.6× Starlight's time per page. */
  buildMsPerPage: 21,
  /** Issue 23: our first lookup against Pagefind UI's with no debounce. */
  firstLookupLoopback: 1.5,
  firstLookupSlow4G: 1.0,
};
/** The scale rows issue 23 asks for. */
const SCALE_SIZES = [1000, 10_000];
const check = (ok: boolean) => (ok ? '✅' : '❌');

/** The machine the figures come from, as the report names it. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  /** Free memory when the report is written, after the run. */
  freeBytes: number;
  os: string;
  node: string;
}

/** This machine, now. */
export function thisMachine(): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryBytes: totalmem(),
    freeBytes: freemem(),
    os: `${osType()} ${release()}`,
    node: process.version,
  };
}

/** A build and measurement of a generated catalogue. */
export interface ScaleRun {
  entries: number;
  pages: number;
  build: Run;
  indexBytes: number;
  ours: UiFigures | undefined;
}

export interface ReportInput {
  startedAt: Date;
  machine: Machine;
  /** Load average over the minute before the run started. */
  load: number;
  chromium: string;
  /** Cold runs per first-lookup measurement (`--runs`). */
  runs: number;
  build: Run;
  /** The cold site builds timed (the median is reported); absent from older runs. */
  siteBuilds?: Run[];
  offline: Run | null;
  pages: number;
  indexBytes: number;
  pagefindBytes: number;
  widgetGzip: number;
  zipBytes: number | null;
  uis: Partial<Record<Ui, UiFigures>>;
  /** The header search on a symptom page, ours and Pagefind UI's (absent from older runs). */
  header?: HeaderFigures;
  scale: ScaleRun[];
  /** The last whole `npm test` in this checkout (scripts/test.ts), if any. */
  suite?: SuiteRecord | null;
}

/** The report in Markdown; needs figures for both UIs on the shipped catalogue. */
export function renderReport(r: ReportInput): string {
  const m = r.machine;
  const ours = r.uis.ours!;
  const theirs = r.uis.pagefind!;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const total = r.build.seconds + (r.offline?.seconds ?? 0);
  const perThousand = (seconds: number, pages: number) => seconds / (pages / 1000);
  const p50 = (xs: number[]) => median(xs);

  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push(
    `Written by \`npm run bench\` (scripts/bench.ts) on ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
      'Figures depend on the machine and on what else it was doing; `npm test` checks no time.',
    '',
  );
  lines.push('## Machine', '');
  lines.push('| | |', '| --- | --- |');
  lines.push(`| CPU | ${m.cpu}, ${m.cores} cores |`);
  lines.push(`| Memory | ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GB (${(m.freeBytes / 1024 ** 3).toFixed(1)} GB free at the end) |`);
  lines.push(`| OS | ${m.os} |`);
  lines.push(`| Node.js | ${m.node} |`);
  lines.push(`| Chromium | ${r.chromium}, headless |`);
  lines.push(`| Load average at the start | ${r.load.toFixed(2)}${r.load > 2 ? ' (other builds and tests shared the machine)' : ''} |`);
  lines.push('');

  lines.push('## Shipped catalogue', '');
  lines.push('| Measure | Result | Target |', '| --- | --- | --- |');
  lines.push(`| Pages built | ${r.pages} | |`);
  lines.push(
    `| Full build: Astro, Pagefind, widget${r.offline ? ', offline bundle' : ''} | ${s(total)} (site ${s(r.build.seconds)}${r.offline ? `, offline ${s(r.offline.seconds)}` : ''}), ${s(perThousand(r.build.seconds, r.pages))} per 1,000 pages | ≤ 15 s per 1,000 pages ${check(perThousand(r.build.seconds, r.pages) <= TARGET.buildSecondsPer1000Pages)} |`,
  );
  if (r.siteBuilds?.length) lines.push(siteBuildRow(r.siteBuilds, r.pages));
  lines.push(`| Peak memory of the build | ${r.build.peakMiB === null ? 'n/a' : `${r.build.peakMiB.toFixed(0)} MB`} | |`);
  lines.push(`| Index on disk (both languages, without Pagefind's UI files) | ${mib(r.indexBytes)} (${mib(r.pagefindBytes)} with them) | |`);
  if (r.zipBytes !== null) lines.push(`| Offline bundle zip | ${mib(r.zipBytes)} | |`);
  lines.push(`| Widget, gzip -9 | ${kib(r.widgetGzip)} | ≤ 13 KB ${check(r.widgetGzip <= 13 * 1024)} |`);
  for (const lang of LANGS) {
    const c = ours.cold[lang];
    lines.push(`| First lookup, ${lang} "${FIRST_QUERY[lang]}": bytes | ${kib(c.bytes)} in ${c.requests} requests | ≤ 150 KB ${check(c.bytes <= TARGET.firstLookupBytes)} |`);
    lines.push(`| First lookup, ${lang}: time, loopback / Slow 4G | ${ms(c.ms)} / ${ms(ours.slow[lang].ms)} | |`);
  }
  lines.push(`| Warm lookup, typed → shown, p50 / p95 | ${ms(p50(ours.warm.shown))} / ${ms(percentile(ours.warm.shown, 95))} | p50 ≤ ${TARGET.warmP50Ms} ms ${check(p50(ours.warm.shown) <= TARGET.warmP50Ms)} |`);
  lines.push(`| Warm lookup, \`el.lookup()\`, p50 / p95 | ${ms(p50(ours.warm.api))} / ${ms(percentile(ours.warm.api, 95))} | |`);
  lines.push('');

  lines.push('## Our lookup against Pagefind\'s Default UI', '');
  lines.push(
    'Both on the same index, in the same run, embedded the same way: a host page on one origin, the FAQ site on another, a fresh browser profile for every first lookup. ' +
      'Bytes are everything received from the FAQ origin, headers included, from opening the page until the first results are on screen and the network is quiet (the UI\'s own script and stylesheet count). ' +
      `Times run from the input event to the results on screen, with no debounce on either side (ours ${DEBOUNCE.ours} ms: the query goes in as one input event, which it searches at once; Pagefind UI started with \`debounceTimeoutMs: ${DEBOUNCE.pagefind}\`, where its default 300 ms let it load the index during the wait). ` +
      `Medians of ${r.runs} cold runs (${Math.min(r.runs, 3)} under Slow 4G: 150 ms RTT, 1.6 Mbit/s); warm figures over ${ours.warm.queries} queries from the relevance set. ` +
      `The two are measured in turns, each first lookup and each warm query in one UI and then the other (the first one first on even turns), so that both meet the same load; the load average was ${ours.load?.toFixed(2) ?? 'n/a'} when they started. Targets from issue 23.`,
    '',
  );
  lines.push('| Measure | Ours | Pagefind UI | Ours / theirs | Target |', '| --- | --- | --- | --- | --- |');
  const times = (a: number, b: number, limit: number) => `${ratio(a, b)} | ≤ ${limit.toFixed(1)}× ${check(a / b <= limit)}`;
  for (const lang of LANGS) {
    lines.push(`| First lookup bytes, ${lang} | ${kib(ours.cold[lang].bytes)} | ${kib(theirs.cold[lang].bytes)} | ${ratio(ours.cold[lang].bytes, theirs.cold[lang].bytes)} | |`);
    lines.push(`| First lookup requests, ${lang} | ${ours.cold[lang].requests} | ${theirs.cold[lang].requests} | | |`);
    lines.push(`| First lookup time, ${lang}, loopback | ${ms(ours.cold[lang].ms)} | ${ms(theirs.cold[lang].ms)} | ${times(ours.cold[lang].ms, theirs.cold[lang].ms, TARGET.firstLookupLoopback)} |`);
    lines.push(`| First lookup time, ${lang}, Slow 4G | ${ms(ours.slow[lang].ms)} | ${ms(theirs.slow[lang].ms)} | ${times(ours.slow[lang].ms, theirs.slow[lang].ms, TARGET.firstLookupSlow4G)} |`);
  }
  lines.push(`| Warm lookup p50 | ${ms(p50(ours.warm.shown))} | ${ms(p50(theirs.warm.shown))} | ${ratio(p50(ours.warm.shown), p50(theirs.warm.shown))} | ≤ ${TARGET.warmP50Ms} ms ${check(p50(ours.warm.shown) <= TARGET.warmP50Ms)} |`);
  lines.push(`| Warm lookup p95 | ${ms(percentile(ours.warm.shown, 95))} | ${ms(percentile(theirs.warm.shown, 95))} | ${ratio(percentile(ours.warm.shown, 95), percentile(theirs.warm.shown, 95))} | |`);
  if (ours.warm.misses || theirs.warm.misses) {
    lines.push(`| Queries that showed nothing within 15 s | ${ours.warm.misses} | ${theirs.warm.misses} | | |`);
  }
  lines.push('');

  lines.push('### Where the first lookup\'s bytes go', '');
  lines.push('Bytes on the wire (headers included) by kind of file, one cold run each.', '');
  const kinds = [...new Set(LANGS.flatMap((l) => [...Object.keys(ours.cold[l].kinds), ...Object.keys(theirs.cold[l].kinds)]))];
  lines.push(`| File | ${LANGS.map((l) => `Ours, ${l} | Pagefind UI, ${l}`).join(' | ')} |`);
  lines.push(`| --- | ${LANGS.map(() => '--- | ---').join(' | ')} |`);
  const cell = (n: number | undefined) => (n ? kib(n) : '–');
  for (const kind of kinds) {
    lines.push(`| ${kind} | ${LANGS.map((l) => `${cell(ours.cold[l].kinds[kind])} | ${cell(theirs.cold[l].kinds[kind])}`).join(' | ')} |`);
  }
  lines.push('');

  if (r.header) lines.push(...headerSection(r.header, r.runs));

  lines.push('## Scale', '');
  lines.push(
    'Generated catalogues (scripts/bench-catalogue.ts): the real entries plus variants of them for other terminal models, the same number in each language. Our lookup only; the same measurements as above.',
    '',
  );
  lines.push('| Entries per language | Pages | Build | Per 1,000 pages | Per page, wall / CPU | Peak memory | Index on disk | First lookup bytes (zh / en) | First lookup time, loopback (zh / en) | Warm p50 |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const run of r.scale) {
    const o = run.ours;
    const limit = run.entries >= 10_000 ? TARGET.firstLookupBytesAt10k : undefined;
    const bytes = o ? `${kib(o.cold.zh.bytes)} / ${kib(o.cold.en.bytes)}${limit ? ` ${check(Math.max(o.cold.zh.bytes, o.cold.en.bytes) <= limit)}` : ''}` : 'n/a';
    lines.push(
      `| ${run.entries.toLocaleString('en')} | ${run.pages} | ${s(run.build.seconds)} | ${s(perThousand(run.build.seconds, run.pages))} ${check(perThousand(run.build.seconds, run.pages) <= TARGET.buildSecondsPer1000Pages)} | ${perPage(run.build, run.pages)} | ${run.build.peakMiB === null ? 'n/a' : `${run.build.peakMiB.toFixed(0)} MB`} | ${mib(run.indexBytes)} | ${bytes} | ${o ? `${ms(o.cold.zh.ms)} / ${ms(o.cold.en.ms)}` : 'n/a'} | ${o ? `${ms(p50(o.warm.shown))} ${check(p50(o.warm.shown) <= TARGET.warmP50Ms)}` : 'n/a'} |`,
    );
  }
  for (const size of SCALE_SIZES.filter((n) => !r.scale.some((run) => run.entries === n))) {
    lines.push(`| ${size.toLocaleString('en')} | not run (\`--sizes=\`, or it failed: see the run's output) | | | | | | | | |`);
  }
  lines.push('');
  lines.push(
    `Targets: first lookup ≤ 150 KB for the shipped catalogue and ≤ 300 KB at 10,000 entries; warm lookup p50 ≤ ${TARGET.warmP50Ms} ms; build ≤ 15 s per 1,000 pages, and the time per page no higher than the shipped catalogue's (linear). ` +
      'Per page: the build\'s wall time and its CPU time (user + system, Node.js and Pagefind\'s binary) over the pages it wrote; the load average at its start follows. ' +
      'Peak memory is the resident memory of the build\'s whole process tree (Node.js and Pagefind\'s binary), sampled every 100 ms.',
    '',
  );
  lines.push(...suiteSection(r.suite));
  return `${lines.join('\n')}\n`;
}

/** The last whole `npm test` in this checkout: the bench does not run the suite (eight minutes). */
function suiteSection(suite: SuiteRecord | null | undefined): string[] {
  const head = ['## The test suite', ''];
  if (!suite) return [...head, 'No whole `npm test` recorded in this checkout (`tests/.out/last-suite.json`): run it for this row.', ''];
  const parts = Object.entries(suite.parts).map(([name, sec]) => `${name} ${sec} s`).join(', ');
  return [
    ...head,
    '| Measure | Result | Target |',
    '| --- | --- | --- |',
    `| Last whole \`npm test\` here, ${suite.at.slice(0, 16).replace('T', ' ')} UTC${suite.commit ? ` on \`${suite.commit}\`` : ''} | ${suite.seconds} s, ${suite.green ? 'green' : 'red'} (${parts}) | ≤ 480 s ${check(suite.green && suite.seconds <= 480)} |`,
    '',
    'Recorded by `npm test` itself (scripts/test.ts) when it runs every file in every engine; a clean clone\'s `.ci/run` prints its own parts.',
    '',
  ];
}

/** The header search on a symptom page, ours and Pagefind UI's, against Starlight's figures. */
function headerSection(h: HeaderFigures, runs: number): string[] {
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const lines = ['## Header search on a symptom page', ''];
  lines.push(
    `The page \`/<lang>/${HEADER_PAGE}\` as the site ships it, with its header search, and the same page with Pagefind's Default UI in the header instead (its script and stylesheet in the head, started on load, as a site using it has it), served compressed from one origin, with the service worker left out (its first-visit precache of the offline copy is the web app's cost, given in the README). ` +
      'Bytes are everything the page received, headers included: before any interaction (the page has loaded and the network is quiet), and with the first search, from focusing the box to its results on screen. ' +
      `The query is committed as one IME word right after focus ("${FIRST_QUERY.zh}", "${FIRST_QUERY.en}"); the time runs from that input event to the first result on screen, debounce and loading included. Medians of ${runs} cold runs. ` +
      'Starlight: a Starlight site of the same content on this machine, as issue 11 quotes it (measured once, for the symptom page; not re-run here). Targets: page ≤ 0.5×, page + first search ≤ 0.8×, time ≤ 0.5× Starlight.',
    '',
  );
  lines.push('| Measure | Ours | Pagefind UI | Starlight | Ours / Pagefind UI | Ours / Starlight | Target |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const lang of LANGS) {
    const o = h.ours[lang];
    const p = h.pagefind[lang];
    const row = (what: string, a: number, b: number, star: number, share: number, show: (n: number) => string) =>
      `| ${what}, ${lang} | ${show(a)} | ${show(b)} | ${show(star)} | ${ratio(a, b)} | ${ratio(a, star)} | ≤ ${share}× ${check(a <= star * share)} |`;
    lines.push(row('Page before any interaction', o.before, p.before, STARLIGHT.before, HEADER_TARGET.before, kib));
    lines.push(row('Page + first search', o.withSearch, p.withSearch, STARLIGHT.withSearch, HEADER_TARGET.withSearch, kib));
    lines.push(row('Input event → first result', o.ms, p.ms, STARLIGHT.ms, HEADER_TARGET.ms, ms));
  }
  lines.push('');
  return lines;
}

/** A build's wall and CPU time per page, with the load it ran under. */
function perPage(run: Run, pages: number): string {
  const each = (seconds: number) => `${((seconds * 1000) / pages).toFixed(1)} ms`;
  const cpu = run.cpuSeconds == null ? 'n/a' : each(run.cpuSeconds);
  return `${each(run.seconds)} / ${cpu}${run.load === undefined ? '' : ` (load ${run.load.toFixed(2)})`}`;
}

/** The cold site builds: the median's wall and CPU time per page against issue 23's target. */
function siteBuildRow(runs: Run[], pages: number): string {
  const wall = median(runs.map((b) => b.seconds));
  const cpus = runs.flatMap((b) => (b.cpuSeconds == null ? [] : [b.cpuSeconds]));
  const each = (seconds: number) => `${((seconds * 1000) / pages).toFixed(1)} ms`;
  const list = runs.map((b) => `${s(b.seconds)}${b.cpuSeconds == null ? '' : ` (CPU ${s(b.cpuSeconds)})`}${b.load === undefined ? '' : ` at load ${b.load.toFixed(2)}`}`).join('; ');
  return (
    `| Cold site build (\`astro build\`), median of ${runs.length}: per page, wall / CPU | ${each(wall)} / ${cpus.length ? each(median(cpus)) : 'n/a'} (${list}) | ` +
    `≤ ${TARGET.buildMsPerPage} ms a page ${check((wall * 1000) / pages <= TARGET.buildMsPerPage)} |`
  );
}
