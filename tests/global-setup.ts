import { ensureBuilt } from './helpers/build.ts';
import { ENGINES, ensureDisplay } from './helpers/engines.ts';

/**
 * The site and browser tests run against the real built output. `npm test` builds it when
 * dist/ is missing (set POS_FAQ_REBUILD=1 to force a fresh build) and always builds the small
 * fixture site, which holds hostile content on purpose. WebKitGTK needs a display: one Xvfb for
 * every test file (unless $DISPLAY is set), stopped when the run ends.
 */
export default async function setup(): Promise<void> {
  ensureBuilt();
  if (ENGINES.includes('webkit')) process.env['DISPLAY'] = await ensureDisplay();
}
