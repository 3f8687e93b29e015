import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIST } from '../helpers/build.ts';
import { openOffline, type OfflineSession } from '../helpers/offline.ts';
import { answers, loadQueries } from '../helpers/relevance.ts';
import { serveAndLaunch, type Session } from '../helpers/serve.ts';

/**
 * The offline lookup must answer as the online one: the same Pagefind engine on the same index,
 * so for every query of both relevance sets the same top 3 entries in the same order. Both run the
 * widget's own `el.lookup()`, online on dist/ served with its headers, offline from file://.
 */
let online: Session;
let offline: OfflineSession;
beforeAll(async () => {
  online = await serveAndLaunch(DIST);
  offline = await openOffline({ browser: online.browser, path: 'en/index.html' });
});
afterAll(async () => {
  await offline?.close();
  await online?.close();
});

// About 1,200 queries online and again offline: minutes on a loaded machine.
it('gives the same answers offline as online for every relevance query', { timeout: 300_000 }, async () => {
  const dev = loadQueries();
  const queries = [...dev, ...loadQueries('heldout')];
  expect(queries.length).toBeGreaterThanOrEqual(900);
  const { page, log } = await online.open('en/');
  const expected = await answers(page, queries, 3);
  const actual = await answers(offline.page, queries, 3);

  // The same top 3 in the same order, the same verdict and the same correction (query
  // understanding and typo correction run from the same data offline). Held-out queries are
  // counted, never printed (tests/e2e/relevance.test.ts).
  const differ = queries.flatMap((q, i) =>
    JSON.stringify(actual[i]) === JSON.stringify(expected[i])
      ? []
      : [i < dev.length ? `[${q.lang}] ${JSON.stringify(q.q)}: online ${JSON.stringify(expected[i])} · offline ${JSON.stringify(actual[i])}` : '(a held-out query)'],
  );
  expect(differ, 'queries answered differently').toEqual([]);
  expect(log).toEqual([]);
  expect(offline.log).toEqual([]);
  expect(offline.offsite()).toEqual([]);
});
