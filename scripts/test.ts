// npm test: Vitest (unit and site tests, the Chromium-only gates, and the cross-engine browser
// tests in tests/engines/), then the widget's @web/test-runner suite one engine at a time. Prints
// the engines' versions and the time each took. ENGINES=firefox (or chromium, webkit, or a comma
// list) runs only those engines; without Chromium, the Chromium-only gates are left out.
// Arguments go to Vitest: `npm test -- tests/unit/rank.test.ts`.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { clearTimes, readTimes, recordTime } from '../tests/helpers/engine-times.ts';
import { ALL_ENGINES, ENGINES, engineVersions } from '../tests/helpers/engines.ts';

const ROOT = resolve(import.meta.dirname, '..');
const bin = (pkg: string, file: string) => resolve(ROOT, 'node_modules', pkg, file);
const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
    .status ?? 1;
const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

clearTimes();
const started = Date.now();
const args = process.argv.slice(2);
const all = ENGINES.length === ALL_ENGINES.length;
// Without Chromium: the tests that need no browser, and the cross-engine ones.
const vitestArgs = args.length ? args : ENGINES.includes('chromium') ? [] : ['tests/unit', 'tests/site', 'tests/engines'];
const vitest = run(bin('vitest', 'vitest.mjs'), ['run', ...vitestArgs]);
const vitestMs = Date.now() - started;

let wtr = 0;
if (!args.length) {
  for (const engine of ENGINES) {
    const t = Date.now();
    const status = run(bin('@web/test-runner', 'dist/bin.js'), [], { ENGINES: engine });
    recordTime({ engine, part: 'wtr', ms: Date.now() - t });
    if (status !== 0) wtr = status;
  }
}

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
  `  Vitest as a whole${ENGINES.includes('chromium') ? ' (with the Chromium-only gates)' : ''} ${seconds(vitestMs)}; npm test ${seconds(Date.now() - started)}`,
);
process.exit(vitest || wtr);
