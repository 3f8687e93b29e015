// Splits blind relevance queries (issue 19) into the development half, tuned on, and the held-out
// half, never tuned on: `node scripts/relevance-split.ts /path/zh.json /path/en.json`. A query is
// held out when the first 8 hex digits of the SHA-256 of its text, as a number, are even, so the
// split depends on nothing but the text and anyone can check it. Writes
// tests/relevance/blind-<file> and tests/relevance-heldout/blind-<file>, and prints only counts:
// the held-out queries are not to be read while tuning.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { STYLES, type Query } from '../tests/helpers/relevance.ts';

const ROOT = resolve(import.meta.dirname, '..');

export const heldOut = (q: string) =>
  parseInt(createHash('sha256').update(q).digest('hex').slice(0, 8), 16) % 2 === 0;

const line = (q: Query) => `  ${JSON.stringify({ q: q.q, lang: q.lang, expect: q.expect, style: q.style })}`;
const write = (file: string, queries: Query[]) =>
  writeFileSync(file, `[\n${queries.map(line).join(',\n')}\n]\n`);

for (const input of process.argv.slice(2)) {
  const queries = JSON.parse(readFileSync(input, 'utf8')) as Query[];
  for (const q of queries) {
    const ok = typeof q.q === 'string' && (q.lang === 'zh' || q.lang === 'en') && (q.expect === null || typeof q.expect === 'string') && STYLES.includes(q.style);
    if (!ok) throw new Error(`${input}: not a query {q, lang, expect, style}: ${JSON.stringify(q)}`);
  }
  const name = `blind-${basename(input)}`;
  const held = queries.filter((q) => heldOut(q.q));
  const dev = queries.filter((q) => !heldOut(q.q));
  write(resolve(ROOT, 'tests/relevance', name), dev);
  write(resolve(ROOT, 'tests/relevance-heldout', name), held);
  console.log(`${input}: ${queries.length} queries, ${dev.length} development (tests/relevance/${name}), ${held.length} held out (tests/relevance-heldout/${name})`);
}
