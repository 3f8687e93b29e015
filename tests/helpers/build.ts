import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = resolve(ROOT, 'dist');
/** The fixture site: a tiny catalogue with hostile titles, built into its own folder. */
export const FIXTURE_CONTENT = resolve(ROOT, 'tests/fixtures/faq-mini');
export const FIXTURE_DIST = resolve(ROOT, 'tests/.out/fixture-dist');

/** Runs `astro build`, optionally on other content into another folder. */
export function buildSite(env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function ensureBuilt(): void {
  if (!existsSync(resolve(DIST, 'index.html')) || process.env['POS_FAQ_REBUILD']) buildSite();
  buildSite({ POS_FAQ_CONTENT: FIXTURE_CONTENT, POS_FAQ_OUT: FIXTURE_DIST });
}
