import { ensureBuilt } from './helpers/build.ts';

/**
 * The site and browser tests run against the real built output. `npm test` builds it when
 * dist/ is missing (set POS_FAQ_REBUILD=1 to force a fresh build) and always builds the small
 * fixture site, which holds hostile content on purpose.
 */
export default function setup(): void {
  ensureBuilt();
}
