// npm test: Vitest (unit and site tests, the Chromium-only gates, and the cross-engine browser
// tests in tests/engines/, two files at a time) and, beside it, the widget's @web/test-runner
// suite one engine at a time, its output held until it ends so that the two do not interleave.
// Prints the engines' versions, the time of each part and of each engine. ENGINES=firefox (or
// chromium, webkit, or a comma list) runs only those engines; without Chromium, the Chromium-only
// gates are left out. Arguments go to Vitest alone: `npm test -- tests/unit/rank.test.ts`.
import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureBuilt } from '../tests/helpers/build.ts';
import { clearTimes, readTimes, recordSuite, recordTime } from '../tests/helpers/engine-times.ts';
import { ALL_ENGINES, ENGINES, engineVersions } from '../tests/helpers/engines.ts';
import { prepareFirefoxProfile } from '../tests/helpers/firefox-profile.ts';
import { shareBundles } from '../tests/helpers/offline.ts';

const ROOT = resolve(import.meta.dirname, '..');
const bin = (pkg: string, file: string) => resolve(ROOT, 'node_modules', pkg, file);
const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

/** Runs a Node script; `quiet` holds its output and hands it back instead of printing it. */
function run(script: string, args: string[], env: Record<string, string> = {}, quiet = false) {
  return new Promise<{ status: number; output: string }>((done) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d));
    child.stderr?.on('data', (d: Buffer) => (output += d));
    child.on('close', (code) => done({ status: code ?? 1, output }));
  });
}

clearTimes();
const started = Date.now();
// The commit tested, read now: one made while the suite runs is not what it tested.
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
})();
const args = process.argv.slice(2);
const all = ENGINES.length === ALL_ENGINES.length;
let setupMs = 0;
// What both parts need, done once before they start: the fixture site (and dist/ when missing),
// and the offline bundles of both (Vitest's global setup does the same when run on its own).
if (!args.length) {
  ensureBuilt();
  await Promise.all([shareBundles(), ENGINES.includes('firefox') && prepareFirefoxProfile()]);
  process.env['POS_FAQ_SETUP_DONE'] = '1';
  setupMs = Date.now() - started;
  console.log(`Set-up (the fixture site, the offline bundles and Firefox's profile) ${seconds(Date.now() - started)}`);
}
// Without Chromium: the tests that need no browser, and the cross-engine ones.
const vitestArgs = args.length ? args : ENGINES.includes('chromium') ? [] : ['tests/unit', 'tests/site', 'tests/engines'];
let vitestMs = 0;
const vitest = run(bin('vitest', 'vitest.mjs'), ['run', ...vitestArgs]).then(({ status }) => {
  vitestMs = Date.now() - started;
  return status;
});

let widgetMs = 0;
const widget = (async () => {
  if (args.length) return 0;
  let failed = 0;
  for (const engine of ENGINES) {
    const t = Date.now();
    const { status, output } = await run(bin('@web/test-runner', 'dist/bin.js'), [], { ENGINES: engine }, true);
    recordTime({ engine, part: 'wtr', ms: Date.now() - t });
    process.stdout.write(`\n--- widget suite (@web/test-runner) in ${engine}, ${seconds(Date.now() - t)} ---\n${output}`);
    if (status !== 0) failed = status;
  }
  widgetMs = Date.now() - started;
  return failed;
})();

const [vitestStatus, widgetStatus] = await Promise.all([vitest, widget]);

const versions = engineVersions();
const times = readTimes();
console.log(`\nEngines${all ? '' : ` (ENGINES=${ENGINES.join(',')})`}:`);
for (const engine of ENGINES) {
  const mine = times.filter((t) => t.engine === engine);
  const cross = mine.filter((t) => t.part !== 'wtr').reduce((n, t) => n + t.ms, 0);
  const widget = mine.filter((t) => t.part === 'wtr').reduce((n, t) => n + t.ms, 0);
  console.log(
    `  ${engine.padEnd(9)} ${versions[engine].padEnd(28)} cross-engine tests ${seconds(cross).padStart(5)}, widget suite ${seconds(widget).padStart(5)}, together ${seconds(cross + widget)}`,
  );
}
console.log(
  `  Vitest as a whole${ENGINES.includes('chromium') ? ' (with the Chromium-only gates)' : ''} ${seconds(vitestMs)}` +
    `${widgetMs ? `, the widget suite beside it ${seconds(widgetMs)}` : ''}; npm test ${seconds(Date.now() - started)}`,
);
const status = vitestStatus || widgetStatus;
// A whole run, for `npm run bench` to report (docs/benchmarks.md).
if (!args.length && all) {
  const s = (ms: number) => Math.round(ms / 1000);
  recordSuite({
    at: new Date().toISOString(),
    commit,
    seconds: s(Date.now() - started),
    green: status === 0,
    parts: { 'set-up': s(setupMs), Vitest: s(vitestMs - setupMs), 'widget suite beside it': s(widgetMs - setupMs) },
  });
}
process.exit(status);
