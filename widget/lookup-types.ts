import type { DiagnoseData } from '../src/lib/diagnose.ts';
import type { Diag } from './Diagnosis.tsx';
import type { Overlay } from './overlay-types.ts';
import type { LookupResult, Outcome } from './search-client.ts';
import type { Strings } from './strings.ts';
import type { Views } from './views.ts';

// The shape of the Lookup component (Lookup.tsx): what the element passes it and what it keeps
// in its state. The box (Box.tsx) reads both.

/** Where an entry opened inside the widget came from: the `from` of `pos-faq-open`. */
export type OpenedFrom = 'result' | 'suggest' | 'deeplink' | 'diagnosis' | 'related';

export interface LookupProps {
  strings: Strings;
  /** The widget's language as a BCP 47 tag, set on its root so that screen readers pick the voice. */
  lang: string;
  /** Site address ending in a slash, for the fallback links. */
  site: string;
  /** The site path prefix for this language: `zh` or `en`. */
  locale: 'zh' | 'en';
  /** The `query` attribute. A new value replaces whatever is in the box. */
  query: string;
  /** Most results to show; part of what a search depends on, so a change searches again. */
  limit: number;
  /** False until the first focus or keystroke: until then nothing is fetched, not even for a preset query. */
  engaged: boolean;
  /** Called on focus and on input; the element starts loading the index the first time. */
  onEngage: () => void;
  /** Runs a lookup (`literal`: without typo correction); rejects when the index cannot be used. */
  search: (query: string, literal: boolean) => Promise<Outcome>;
  /** Called once the box shows the outcome of a search. */
  onSearch?: (outcome: Outcome) => void;
  /** The `action` attribute: a results page that Enter without a chosen option opens with `?q=`. */
  action?: string | null;
  /** Tells the host; returns false when the host cancelled the event and will handle the result itself. */
  onSelect: (result: LookupResult) => boolean;
  /** Loads the guided diagnosis; rejects like `search`. Without it the widget offers no diagnosis. */
  diagnose?: () => Promise<DiagnoseData>;
  /** The `mode` attribute: `diagnose` opens the diagnosis instead of the box; a change switches. */
  mode?: string | null;
  /** Entries open inside the widget (else on the FAQ site: `open="page"`, or the FAQ site itself). */
  inside?: boolean;
  /** The `suggest` attribute: entries listed on focus before anything is typed. */
  suggest?: string | null;
  /** The `report-href` attribute: a "tell us what is missing" link on "no good answer". */
  reportHref?: string | null;
  /**
   * The widget is on the FAQ site itself: nothing of the host's light DOM (the `brand` and
   * `contact` slots) is shown there.
   */
  home?: boolean;
  /**
   * The widget's vendor overlay (the `overlay` attribute), loaded on first use and shared with the
   * search; null without one or when it cannot be used (reported once by the element).
   */
  overlay?: () => Promise<Overlay | null> | null;
}

export type View =
  | { kind: 'idle' }
  | { kind: 'loading' }
  /** `term` and `scope` say which search produced the results, so that stale ones are recognised. */
  | { kind: 'done'; results: LookupResult[]; term: string; scope: string; outcome: Outcome }
  | { kind: 'error' };

/** An entry open inside the widget; `focus`: the user opened it, so focus goes to its title. */
export interface Opened {
  id: string;
  from: OpenedFrom;
  focus: boolean;
  /** The page's scroll position when the first entry opened from the box, restored on the way back. */
  scroll?: [number, number];
}

export interface State {
  /** The `query` attribute last seen: when it changes, it replaces the text. */
  query: string;
  /** What is in the box. */
  text: string;
  view: View;
  /** The active option, or -1 for the text box itself. */
  active: number;
  /** Escape closes the list without forgetting the results; typing or an arrow key opens it. */
  open: boolean;
  /** The `mode` attribute last seen: when it changes, it opens or closes the diagnosis. */
  mode?: string | null | undefined;
  /** The diagnosis shown instead of the box, or null. */
  diag: Diag | null;
  /** The user asked for the query as typed, not the corrected one. */
  literal?: boolean;
  /** The entries opened inside, the one shown last; back goes down the stack. */
  entries: Opened[];
  /** The `suggest` entries, once loaded. */
  suggested?: LookupResult[];
  /** What the live region says about an entry view. */
  said?: string;
  views?: Views;
}

