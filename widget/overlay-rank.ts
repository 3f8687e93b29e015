import { codeInText, compactCode, normaliseCode } from '../src/lib/codes.ts';
import type { ShownEntry as OverlayEntry, ShownOverlay as OverlayFile } from './overlay-data.ts';
import type { Overlay } from './overlay-types.ts';
import { rankedSearch, type Hit } from './rank.ts';
import type { LookupResult } from './search-client.ts';
import { siteLocale } from './strings.ts';

// A vendor overlay's entries among the shared results. They are not in the Pagefind index, so
// they are searched here, on the fields the index gives the shared entries and with the weights
// the entry pages give them (src/pages/[lang]/symptoms/[id].astro), through the widget's own
// ranking (rank.ts, rankedSearch), and placed among the shared results by the lookup's own
// measure of an answer (rank.ts, coverage, from the query script): the same lookup, not a second one.

/** The fields Pagefind indexes on an entry page, with their `data-pagefind-weight`. */
const FIELDS: [weight: number, text: (e: OverlayEntry) => string[]][] = [
  [10, (e) => [e.title]],
  [9, (e) => e.codes],
  [8, (e) => e.messages],
  [6, (e) => e.aliases],
  [3, (e) => [e.summary]],
  [1, (e) => [e.steps[0] ?? '', ...e.causes]],
];

/** An overlay entry ready to search: its fields in lower case, its whole indexed text. */
export interface Indexed {
  entry: OverlayEntry;
  fields: [number, string][];
  text: string;
}

/** The searchable form of one language's entries. */
export function indexEntries(entries: OverlayEntry[]): Indexed[] {
  return entries.map((entry) => {
    // Words between spaces, so that a word matches the start of a word, as in Pagefind.
    const fields = FIELDS.map(([weight, text]): [number, string] => [
      weight,
      ` ${text(entry).join(' ').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')}`,
    ]);
    return { entry, fields, text: fields.map(([, t]) => t).join(' ') };
  });
}

/**
 * A Searcher (rank.ts) over overlay entries, as Pagefind answers for the index: the entries that
 * have every word of the term (a Latin word as the start of a word, Chinese anywhere), scored by
 * the weight of the best field each word is in.
 */
export const searcher =
  (indexed: Indexed[]) =>
  async (term: string): Promise<Hit[]> => {
    const words = term.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    return indexed
      .flatMap(({ entry, fields }) => {
        let score = 0;
        for (const word of words) {
          const key = /\p{Script=Han}/u.test(word) ? word : ` ${word}`;
          const best = Math.max(0, ...fields.filter(([, t]) => t.includes(key)).map(([w]) => w));
          if (!best) return [];
          score += best;
        }
        return [{ id: entry.id, score }];
      })
      .sort((a, b) => b.score - a.score);
  };

/**
 * The entry whose vendor code the query names: the code alone ("E101", "err 3"), with the overlay's
 * id or name before it ("acme e101", "Acme 支付终端 ERR-3"), or among other words ("E101 打印机过热").
 * Case, hyphens and spaces do not count.
 */
export function byVendorCode<T extends { entry: Pick<OverlayEntry, 'codes'> }>(
  indexed: T[],
  overlay: Pick<OverlayFile, 'id' | 'name'>,
  query: string,
): T | undefined {
  const prefixes = [overlay.id, overlay.name.zh, overlay.name.en].map(compactCode);
  const strip = (s: string) => {
    const c = compactCode(s);
    const prefix = prefixes.find((p) => c.startsWith(p) && c.length > p.length);
    return prefix ? c.slice(prefix.length) : c;
  };
  const tokens = query.normalize('NFKC').match(/[a-z0-9][a-z0-9-]*/gi) ?? [];
  const wanted = new Set([compactCode(query), strip(query), ...tokens.map(compactCode), ...tokens.map(strip)]);
  return indexed.find(({ entry }) => entry.codes.some((c) => wanted.has(compactCode(c))));
}

/** The overlay's `owns` and `merge` (overlay-types.ts) for one overlay file. */
export function overlayRanker(overlay: OverlayFile, where: (id: string) => string): Pick<Overlay, 'owns' | 'merge'> {
  const indexed = { zh: indexEntries(overlay.zh.entries), en: indexEntries(overlay.en.entries) };
  return {
    owns: (query) => !!byVendorCode(indexed.zh, overlay, query),
    async merge(p, term, lang, limit, q, cut) {
      const locale = siteLocale(lang);
      const mine = indexed[locale];
      const said = (text: string) => (q ? q.coverage(term, text) : 1);
      const result = ({ entry }: Indexed): LookupResult => ({
        id: entry.id,
        url: where(entry.id),
        title: entry.title,
        summary: entry.summary,
        actor: entry.actors[0] ?? '',
        codes: [...entry.codes],
        step: entry.steps[0] ?? '',
        vendor: overlay.name[locale],
      });
      const hit = byVendorCode(mine, overlay, term);
      const ids = await rankedSearch(searcher(mine), term, lang, limit, cut);
      const ours = ids.flatMap((id) => mine.filter((m) => m.entry.id === id && m !== hit)).map((m) => ({ r: result(m), said: said(m.text) }));
      const shared = p.results.map((r, i) => ({ r, said: p.said[i] ?? 0 }));
      // A shared code ("51") always brings its shared entry first. A vendor code comes next, in
      // place of the "unknown code" entry a query such as "E1 printer" would otherwise bring.
      const code = normaliseCode(term) ?? codeInText(term);
      const owned = p.code && !!code && !!p.results[0]?.codes.includes(code);
      const head = owned ? shared.splice(0, 1) : [];
      if (hit) {
        if (!owned && p.code) shared.splice(0, 1);
        head.push({ r: result(hit), said: 1 });
      }
      // The rest: both lists keep their order; an overlay entry goes before a shared one only
      // when it says more of the query.
      const merged = [...head];
      while (shared.length || ours.length) {
        merged.push(!shared.length || (ours.length && ours[0]!.said > shared[0]!.said) ? ours.shift()! : shared.shift()!);
      }
      const shown = merged.slice(0, limit);
      const best = Math.max(0, ...shown.filter((m) => m.r.vendor).map((m) => m.said));
      return { results: shown.map((m) => m.r), confidence: hit ? 1 : Math.max(p.confidence, best) };
    },
  };
}
