// Replays the second reading (widget/match.ts) in Node on a capture of scripts/relevance-capture.ts,
// with the current code and data, and prints the figures as the browser test would: a loop of
// seconds for tuning, not a test. `node scripts/relevance-score.ts [development|heldout] [--misses]`.
// Queries that did not take the second reading keep what the browser answered. The held-out set
// prints its figures per style only, never a query.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from '../src/lib/faq.ts';
import { matchData } from '../src/lib/match-data.ts';
import { answer, matcher } from '../widget/match.ts';
import { ROOT } from '../tests/helpers/build.ts';
import { calibration, figures, type Answer, type Query } from '../tests/helpers/relevance.ts';

const set = process.argv[2] === 'heldout' ? 'heldout' : 'development';
const showMisses = process.argv.includes('--misses') && set === 'development';
type Call = { args: [string, string[], number]; out: { ids: string[]; confidence: number } };
type Captured = Query & { got: Answer & { calls: Call[] } };
const captured = JSON.parse(readFileSync(join(ROOT, `tests/.out/capture-${set}.json`), 'utf8')) as Captured[];

const { symptoms } = catalogue();
const match = {
  zh: matcher(matchData(symptoms.zh, symptoms.en, 'zh')),
  en: matcher(matchData(symptoms.en, symptoms.zh, 'en')),
};
const started = performance.now();
const got: Answer[] = captured.map((c) => {
  const call = c.got.calls.at(-1);
  if (!call) return c.got;
  const [term, shown, limit] = call.args;
  const a = answer(match[c.lang], term, shown, limit);
  // Where Pagefind's words said all of the query (or the corrected one), the reading only reordered
  // (widget/search-client.ts): the verdict is the browser's, and its confidence is not the reading's.
  if (c.got.confidence !== call.out.confidence) return { ...c.got, ids: a.ids };
  return { ids: a.ids, matched: a.ids.length > 0 && a.confidence >= 0.5, corrected: c.got.corrected, confidence: a.confidence };
});
const ms = performance.now() - started;
const f = figures(captured, got, `replayed ${set}`);
console.log([f.summary, f.table].join('\n'));
console.log(`${captured.filter((c) => c.got.calls.length).length} second readings in ${ms.toFixed(0)} ms`);
if (set === 'development') {
  for (const lang of ['zh', 'en'] as const) {
    const mine = captured.flatMap((q, i) => (q.lang === lang ? [i] : []));
    console.log(`${lang}:\n${calibration(mine.map((i) => captured[i]!), mine.map((i) => got[i]!))}`);
  }
}
if (showMisses) console.log(f.misses.join('\n'));
// The blind development half alone: the public set was written with the aliases and flatters.
const blind = captured.flatMap((q, i) => (q.file?.startsWith('blind-') ? [i] : []));
if (set === 'development') {
  const b = figures(blind.map((i) => captured[i]!), blind.map((i) => got[i]!), 'blind development half');
  console.log([b.summary, b.table].join('\n'));
}
if (process.argv.includes('--dump') && set === 'development') {
  for (const i of blind) {
    const c = captured[i]!;
    const a = got[i]!;
    if (c.got.calls.length === 0) continue;
    const ok = c.expect === null ? 'NEAR' : a.ids.includes(c.expect) ? (a.ids[0] === c.expect ? 'TOP1' : 'TOP3') : 'MISS';
    console.log(`${ok}\t${a.confidence.toFixed(3)}\t${a.matched}\t${c.style}\t${c.q}\t${a.ids.join(',')}\t${c.expect}`);
  }
}
// How well confidence separates answerable questions from near misses, whatever the line: the
// most answerable queries reported matched while at least 90% (93%) of near misses are not.
if (set === 'development') {
  // The blind queries in two halves by another part of the hash than the held-out split's: a
  // free parameter fitted on one half is checked on the other.
  const half = (q: string) => parseInt(createHash('sha256').update(q).digest('hex').slice(8, 16), 16) % 2;
  const halves = [0, 1].map((h) => [`blind half ${h}`, blind.filter((i) => half(captured[i]!.q) === h)] as const);
  for (const [name, idx] of [['all', captured.map((_, i) => i)], ['blind', blind], ...halves] as const) {
    const pts = [90, 93].map((floor) => {
      let best = 0;
      for (let t = 0.2; t <= 0.9; t += 0.01) {
        const yes = (i: number) => got[i]!.ids.length > 0 && got[i]!.confidence >= t;
        const ans = idx.filter((i) => captured[i]!.expect !== null);
        const near = idx.filter((i) => captured[i]!.expect === null);
        const un = near.filter((i) => !yes(i)).length / near.length;
        if (un * 100 >= floor) best = Math.max(best, ans.filter(yes).length / ans.length);
      }
      return `${(best * 100).toFixed(1)}% matched at ≥${floor}% near misses unmatched`;
    });
    console.log(`separation (${name}): ${pts.join(', ')}`);
  }
}
