import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIST } from '../helpers/build.ts';
import { loadQueries, topIds } from '../helpers/relevance.ts';
import { serveAndLaunch, type Session } from '../helpers/serve.ts';

let session: Session;
beforeAll(async () => {
  session = await serveAndLaunch(DIST);
});
afterAll(() => session?.close());

it('puts the expected entry in the top 3 for at least 95% of the relevance queries', async () => {
  const queries = loadQueries();
  expect(queries.length).toBeGreaterThanOrEqual(80);
  const { page, log } = await session.open('en/');
  const results = await topIds(page, queries, 3);
  const misses = queries.filter((q, i) => !results[i]!.includes(q.expect));
  const share = (queries.length - misses.length) / queries.length;
  const lines = misses.map((q) => `  miss [${q.lang}] ${JSON.stringify(q.q)} → ${results[queries.indexOf(q)]!.join(', ') || '(nothing)'}; expected ${q.expect}`);
  console.log(`relevance: ${queries.length - misses.length}/${queries.length} queries (${(share * 100).toFixed(1)}%) have the expected entry in the top 3\n${lines.join('\n')}`);
  expect(share).toBeGreaterThanOrEqual(0.95);
  expect(log).toEqual([]);
});
