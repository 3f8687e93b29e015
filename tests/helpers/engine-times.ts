import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.ts';

/**
 * How long each engine's browser tests took, summed over test files and the widget suite, so
 * that `npm test` can print the time per engine (scripts/test.ts). One JSON line per record.
 */
export const TIMES_FILE = join(ROOT, 'tests/.out/engine-times.jsonl');

export interface TimeRecord {
  engine: string;
  /** What ran: a test file, or `wtr`. */
  part: string;
  ms: number;
  version?: string;
}

export function recordTime(record: TimeRecord): void {
  mkdirSync(join(ROOT, 'tests/.out'), { recursive: true });
  appendFileSync(TIMES_FILE, `${JSON.stringify(record)}\n`);
}

export function readTimes(): TimeRecord[] {
  if (!existsSync(TIMES_FILE)) return [];
  return readFileSync(TIMES_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TimeRecord);
}

export function clearTimes(): void {
  rmSync(TIMES_FILE, { force: true });
}

/**
 * The last whole `npm test` in this checkout (all engines, no file named): kept for `npm run
 * bench`, which puts it in docs/benchmarks.md beside the other times (issue 23: ≤ 8 minutes).
 */
export const SUITE_FILE = join(ROOT, 'tests/.out/last-suite.json');

export interface SuiteRecord {
  /** When it ended, ISO 8601. */
  at: string;
  /** The commit tested, when the checkout is a git clone. */
  commit: string | null;
  seconds: number;
  green: boolean;
  /** Wall time of each part: the set-up, Vitest (with the cross-engine tests), the widget suite. */
  parts: Record<string, number>;
}

export function recordSuite(record: SuiteRecord): void {
  mkdirSync(join(ROOT, 'tests/.out'), { recursive: true });
  writeFileSync(SUITE_FILE, `${JSON.stringify(record, null, 2)}\n`);
}

export function lastSuite(): SuiteRecord | null {
  return existsSync(SUITE_FILE) ? (JSON.parse(readFileSync(SUITE_FILE, 'utf8')) as SuiteRecord) : null;
}
