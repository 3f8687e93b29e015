import { ensureBuilt } from './helpers/build.ts';
import { ENGINES, ensureDisplay } from './helpers/engines.ts';
import { prepareFirefoxProfile } from './helpers/firefox-profile.ts';
import { shareBundles } from './helpers/offline.ts';

/**
 * The site and browser tests run against the real built output. `npm test` builds it when
 * dist/ is missing (set POS_FAQ_REBUILD=1 to force a fresh build) and always builds the small
 * fixture site, which holds hostile content on purpose. WebKitGTK needs a display: one Xvfb for
 * every test file (unless $DISPLAY is set), stopped when the run ends. The offline bundles of both
 * sites are built here once, for the files running side by side to read (helpers/offline.ts), and
 * the Firefox profile each launch copies (helpers/firefox-profile.ts).
 */
export default async function setup(): Promise<void> {
  // `npm test` (scripts/test.ts) has done both already, for the widget suite beside Vitest too.
  if (!process.env['POS_FAQ_SETUP_DONE']) {
    ensureBuilt();
    await Promise.all([shareBundles(), ENGINES.includes('firefox') && prepareFirefoxProfile()]);
  }
  if (ENGINES.includes('webkit')) process.env['DISPLAY'] = await ensureDisplay();
}
