import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIST } from '../helpers/build.ts';
import { openOffline, type OfflineSession } from '../helpers/offline.ts';
import { answers, figures, loadQueries } from '../helpers/relevance.ts';
import { serveAndLaunch, type Session } from '../helpers/serve.ts';

/**
 * The offline lookup must answer as the online one: the same Pagefind engine on the same index,
 * so for every query of the relevance set the same top 3 entries in the same order. Both run the
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

it('gives the same answers offline as online for every relevance query', async () => {
  const queries = loadQueries();
  expect(queries.length).toBeGreaterThanOrEqual(350);
  const { page, log } = await online.open('en/');
  const expected = await answers(page, queries, 3);
  const actual = await answers(offline.page, queries, 3);

  // The same top 3 in the same order, the same verdict and the same correction (Traditional
  // folding and typo correction run from the same data offline).
  const differ = queries.flatMap((q, i) =>
    JSON.stringify(actual[i]) === JSON.stringify(expected[i])
      ? []
      : [`[${q.lang}] ${JSON.stringify(q.q)}: online ${JSON.stringify(expected[i])} · offline ${JSON.stringify(actual[i])}`],
  );
  expect(differ, 'queries answered differently').toEqual([]);
  // And so the set passes offline by the same measure as online (tests/e2e/relevance.test.ts).
  const f = figures(queries, actual, 'relevance offline');
  console.log(f.summary);
  expect(f.top3 / f.answerable).toBeGreaterThanOrEqual(0.97);
  expect(f.unmatched).toBe(f.unrelated);
  expect(log).toEqual([]);
  expect(offline.log).toEqual([]);
  expect(offline.offsite()).toEqual([]);
});
