import { codeInText, normaliseCode } from '../src/lib/codes.ts';
import { loadIndex, matchScript, queryScript, siteBase, wordsScript, type PagefindApi, type PagefindResult } from './pagefind-load.ts';
import type { Overlay } from './overlay-types.ts';
import type { QueryScript } from './query.ts';
import type { Cut } from './rank.ts';
import type { WidgetLang } from './strings.ts';

export { diagnosis, LookupError, preload, siteBase, type LoadErrorType } from './pagefind-load.ts';

/** One lookup result, as the UI shows it and as `el.lookup()` resolves. */
export interface LookupResult {
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The main actor: merchant, cardholder, acquirer, vendor or wait. */
  actor: string;
  codes: string[];
  /** The first step, shown under the title. */
  step: string;
  /** A vendor overlay's entry: the vendor's name, shown as its mark (widget/overlay.ts). */
  vendor?: string;
}

/** What a search shows: the `detail` of the `pos-faq-search` event, with the results. */
export interface Outcome {
  /** The query as typed. */
  query: string;
  /** The query searched instead, when a typed word matched nothing (a typo); else absent. */
  corrected?: string;
  /** False when no entry answers the query well: the results, if any, are only maybe related. */
  matched: boolean;
  /**
   * How much of the query the best-answering result says, 0 to 1 (1 when it owns the typed
   * response code); `matched` is `confidence >= MATCH_SHARE`, calibrated in docs/relevance.md.
   */
  confidence?: number;
  results: LookupResult[];
}

/** One search on the index: the results, and how well the first one answers. */
interface Pass {
  results: LookupResult[];
  /** The first result owns the response code in the query. */
  code: boolean;
  /** How much of the query the best-answering result's text says (rank.ts, coverage). */
  said: number;
  /** How much of it the first result says: below `said`, Pagefind's order is in doubt. */
  first: number;
}

/**
 * A good answer (`matched`): the first result owns the typed response code, or the best-answering
 * result says all of the query in Pagefind's words (rank.ts, coverage), or the second reading
 * (widget/match.ts) gives it a confidence of at least MATCH_SHARE, the line calibrated on the
 * development set (docs/relevance.md). Without the match script, at least half of the query in
 * Pagefind's words, as before.
 */
export const MATCH_SHARE = 0.5;
const good = (p: Pass) => p.results.length > 0 && (p.code || p.said >= MATCH_SHARE);

type Data = Awaited<ReturnType<PagefindResult['data']>>;

/** What Pagefind indexed of each result shown: a vendor overlay's entries are measured against it. */
const texts = new WeakMap<LookupResult, string>();

/** A result as the box shows it, or nothing for an entry without an id or a safe link. */
function shown({ url, meta, content }: Data, root: string): LookupResult[] {
  const safe = safeUrl(url, root);
  if (!safe || !meta['id']) return [];
  const result = {
    id: meta['id'],
    url: safe,
    title: meta['title'] ?? '',
    summary: meta['summary'] ?? '',
    actor: (meta['actor'] ?? '').split(' ')[0] ?? '',
    codes: (meta['codes'] ?? '').split(' ').filter(Boolean),
    step: meta['step'] ?? '',
  };
  texts.set(result, content ?? '');
  return [result];
}

async function pass(
  pf: PagefindApi,
  q: QueryScript | null,
  root: string,
  term: string,
  lang: WidgetLang,
  limit: number,
  cut?: Cut,
): Promise<Pass> {
  const exact = normaliseCode(term);
  const code = exact ?? codeInText(term);
  const known = new Map<string, PagefindResult>();
  let whole = true;
  const search = async (words: string) => {
    const { results } = await (q ? q.once(pf, words) : pf.search(words));
    for (const r of results) known.set(r.id, r);
    // The whole query's first results head the list: their fragments start loading now rather
    // than after the searches for its single words (Pagefind keeps each fragment it loads).
    if (whole) for (const r of results.slice(0, limit)) r.data().catch(() => {});
    whole = false;
    return results;
  };
  const [byCode, byText] = await Promise.all([
    code ? pf.search(null, { filters: { code } }) : undefined,
    // Without the query script (it could not load), Pagefind's ranking of the whole query alone.
    q ? q.rank(search, term, lang, limit, cut) : search(term).then((r) => r.map((h) => h.id)),
  ]);
  let first = byCode?.results ?? [];
  if (exact && first.length === 0) {
    first = (await pf.search(null, { filters: { code: 'unknown' } })).results;
  }
  const seen = new Set<string>();
  const hits = [...first, ...byText.flatMap((id) => known.get(id) ?? [])]
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .slice(0, limit);
  const data = await Promise.all(hits.map((hit) => hit.data()));
  const results = data.flatMap((d) => shown(d, root));
  // The best-answering result counts: the first may come first by its code or its title words.
  // Without the query script (it could not load), any result counts as an answer, as it used to.
  const says = q ? data.map((d) => q.coverage(term, d.content ?? '')) : [1];
  return { results, code: first.length > 0, said: Math.max(0, ...says), first: says[0] ?? 0 };
}

/**
 * Looks up a query: entries that own the typed response code first, then Pagefind's full-text
 * ranking, without duplicates. A code that no entry owns brings up the generic
 * "transaction failed" entry, as the terminal would mean it. Traditional characters are folded
 * first. When the first result does not say all of the query, a typed word may have matched
 * nothing: if the index has a word that sounds the same (zh) or is one edit away (en), that query
 * is searched too, and shown when it answers well and says more, unless `literal` asks for the
 * query as typed. A vendor `overlay` (null when it cannot be used) puts its entries among the
 * results (widget/overlay-rank.ts); a query that names a vendor code is not corrected or read again.
 */
export async function find(
  base: string,
  lang: WidgetLang,
  query: string,
  limit: number,
  literal = false,
  overlay?: Promise<Overlay | null> | null,
): Promise<Outcome> {
  const typed = query.trim();
  if (!typed) return { query: typed, matched: false, results: [] };
  const root = siteBase(base);
  const [pf, q, o] = await Promise.all([loadIndex(root, lang), queryScript(root, lang), overlay]);
  const term = q ? q.fold(typed) : typed;
  const words = typeof Intl.Segmenter === 'function' ? null : await wordsScript(root, lang);
  const cut = words?.cut;
  let best = await pass(pf, q, root, term, lang, limit, cut);
  let corrected: string | undefined;
  const vendor = !!o?.owns(term);
  if (!literal && !best.code && !vendor && best.said < 1) {
    const fixed = (words ?? (await wordsScript(root, lang)))?.correct(term);
    const next = fixed ? await pass(pf, q, root, fixed, lang, limit, cut) : null;
    // A guessed query must say nearly all of itself ("my cat is sick" is not "my cat is pick").
    if (next && good(next) && next.said > best.said && next.said >= 0.75) {
      best = next;
      corrected = fixed!;
    }
  }
  let { results } = best;
  let confidence = best.code ? 1 : best.said;
  // Pagefind's words did not say all of it: the entries' own texts, read by pairs of characters
  // and by sound, rank again beside Pagefind's order and decide whether anything answers. When
  // they did, but only for a later result or for the corrected query, Pagefind's order is in
  // doubt (a page says the words in its steps, the entry that is about them comes fourth): the
  // texts rank again, and the verdict stays. A first result that says all is left alone, so the
  // usual query loads nothing more.
  const decide = best.said < 1 && !corrected;
  if (!best.code && !vendor && (decide || best.first < 1 || corrected)) {
    const answer = (await matchScript(root, lang))?.(term, results.map((r) => r.id), limit);
    if (answer) {
      results = await byIds(pf, root, answer.ids);
      if (decide) confidence = answer.confidence;
    }
  }
  if (o) {
    const said = results.map((r) => (q ? q.coverage(corrected ?? term, texts.get(r) ?? '') : 1));
    ({ results, confidence } = await o.merge({ results, said, code: best.code, confidence }, corrected ?? term, lang, limit, q, cut));
  }
  return { query: typed, ...(corrected ? { corrected } : {}), matched: results.length > 0 && confidence >= MATCH_SHARE, confidence, results };
}

/** Results in the order of `ids`, fetched by their id (those already shown come from Pagefind's cache). */
async function byIds(pf: PagefindApi, root: string, ids: string[]): Promise<LookupResult[]> {
  const { results } = await pf.search(null, { filters: { id: { any: ids } } });
  const all = (await Promise.all(results.map((r) => r.data()))).flatMap((d) => shown(d, root));
  return ids.flatMap((id) => all.find((r) => r.id === id) ?? []);
}

/** The results of `find`, as `el.lookup()` resolves. */
export const lookup = async (base: string, lang: WidgetLang, query: string, limit: number): Promise<LookupResult[]> =>
  (await find(base, lang, query, limit)).results;

/**
 * Resolves a result URL against the site. Absolute http(s) URLs and relative ones survive; a
 * relative URL may become file: when the site itself is opened from a file (the offline bundle),
 * but an absolute file:, javascript: or data: URL from the index never becomes a link.
 */
export function safeUrl(url: string, base: string): string | null {
  try {
    const resolved = new URL(url, base);
    if (resolved.protocol === 'http:' || resolved.protocol === 'https:') return resolved.href;
    // Relative means: against an http base it would have stayed http.
    const relative = new URL(url, 'http://relative.invalid/').protocol === 'http:';
    return relative && resolved.protocol === new URL(base).protocol ? resolved.href : null;
  } catch {
    return null;
  }
}
