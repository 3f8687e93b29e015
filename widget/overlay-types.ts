import type { EntryData } from '../src/lib/widget-entry.ts';
import type { PublishedNote } from '../src/schemas/overlay.ts';
import type { QueryScript } from './query.ts';
import type { Cut } from './rank.ts';
import type { LookupResult } from './search-client.ts';
import type { WidgetLang } from './strings.ts';

// What the overlay code (widget/overlay.ts, its own script `widget/pos-faq-overlay.<hash>.js`)
// hands the first script and the views chunk. Types only: the first script carries nothing of it
// but the loader (overlay-load.ts), so that a widget without `overlay` pays a few bytes for it.

type Locale = 'zh' | 'en';

/** The shared results of a search, as the overlay places its entries among them. */
export interface SharedResults {
  results: LookupResult[];
  /** How much of the query each result says (rank.ts, coverage), in the order of `results`. */
  said: number[];
  /** The first result owns the response code in the query (or is the unknown-code entry). */
  code: boolean;
  /** How well the shared results answer, 0 to 1 (search-client.ts, Outcome). */
  confidence: number;
}

/** One vendor overlay, loaded and checked. */
export interface Overlay {
  /** The vendor's name for readers of a language: the mark on its entries. */
  name(locale: Locale): string;
  /** True when the query names one of the overlay's codes ("E101", "acme err-3"). */
  owns(query: string): boolean;
  /**
   * The overlay's entries among the shared results: a shared code's entry first, then a vendor
   * code's, then both lists by how much of the query each says. `confidence` rises to 1 for a
   * vendor code, else to what the best overlay entry shown says.
   */
  merge(
    shared: SharedResults,
    term: string,
    lang: WidgetLang,
    limit: number,
    q: QueryScript | null,
    cut?: Cut,
  ): Promise<{ results: LookupResult[]; confidence: number }>;
  /** The overlay entry with this id or vendor code, or undefined. */
  idFor(locale: Locale, idOrCode: string): string | undefined;
  /**
   * An overlay entry in the entry view's shape (`url` empty: it has no page on the FAQ site), or
   * null when `id` is not the overlay's; `title` names the shared entries it relates to.
   */
  entry(locale: Locale, id: string, title: (id: string) => Promise<string>): Promise<EntryData | null>;
  /** The overlay's model notes on a shared entry, in the overlay's order. */
  notes(locale: Locale, id: string): PublishedNote[];
}

/** What `widget/pos-faq-overlay.<hash>.js` hands over: its loader, one overlay per address. */
export interface OverlayScript {
  /** The overlay at an absolute address; rejects with a plain Error that says what is wrong. */
  load(url: string): Promise<Overlay>;
}
