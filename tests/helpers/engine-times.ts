import { appendFileSync, mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
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
