import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Version and build date shown on every page. The date comes from SOURCE_DATE_EPOCH or the last
 * commit rather than the clock, so that two builds of the same commit are byte-identical (the
 * offline zip depends on it).
 */
let cached: { version: string; date: string } | undefined;

export function buildInfo(): { version: string; date: string } {
  cached ??= readBuildInfo();
  return cached;
}

function readBuildInfo(): { version: string; date: string } {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return { version, date: buildDate().toISOString().slice(0, 10) };
}

function buildDate(): Date {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  if (epoch) return new Date(Number(epoch) * 1000);
  try {
    return new Date(execFileSync('git', ['log', '-1', '--format=%cI'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim());
  } catch {
    // Outside a git checkout (an unpacked source archive) there is no commit to read.
    return new Date(0);
  }
}
