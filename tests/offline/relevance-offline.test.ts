import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIST } from '../helpers/build.ts';
import { openOffline, type OfflineSession } from '../helpers/offline.ts';
import { loadQueries, topIds } from '../helpers/relevance.ts';
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

it('gives the same top 3 entries offline as online for every relevance query', async () => {
  const queries = loadQueries();
  expect(queries.length).toBeGreaterThanOrEqual(80);
  const { page, log } = await online.open('en/');
  const expected = await topIds(page, queries, 3);
  const actual = await topIds(offline.page, queries, 3);

  const differ = queries.flatMap((q, i) =>
    JSON.stringify(actual[i]) === JSON.stringify(expected[i])
      ? []
      : [`[${q.lang}] ${JSON.stringify(q.q)}: online ${expected[i]!.join(', ')} · offline ${actual[i]!.join(', ')}`],
  );
  expect(differ, 'queries whose top 3 differ').toEqual([]);
  // And so the set passes offline by the same measure as online (tests/e2e/relevance.test.ts).
  const hits = queries.filter((q, i) => actual[i]!.includes(q.expect)).length;
  console.log(
    `relevance offline: ${queries.length} queries, same top 3 as online; expected entry in the top 3 for ${hits}`,
  );
  expect(hits / queries.length).toBeGreaterThanOrEqual(0.95);
  expect(log).toEqual([]);
  expect(offline.log).toEqual([]);
  expect(offline.offsite()).toEqual([]);
});
