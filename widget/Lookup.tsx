/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { Component, createRef, Fragment, h, type ComponentChildren } from 'preact';
import type { DiagnoseData } from '../src/lib/diagnose.ts';
import { diagnosis, type Diag } from './Diagnosis.tsx';
import { entryLink, errorNote, page } from './parts.tsx';
import type { LookupResult, Outcome } from './search-client.ts';
import type { Strings } from './strings.ts';

export interface LookupProps {
  strings: Strings;
  /** The widget's language as a BCP 47 tag, set on its root so that screen readers pick the voice. */
  lang: string;
  /** Site address ending in a slash, for the fallback links. */
  site: string;
  /** The site path prefix for this language: `zh` or `en`. */
  locale: string;
  /** The `query` attribute. A new value replaces whatever is in the box. */
  query: string;
  /** Most results to show; part of what a search depends on, so a change searches again. */
  limit: number;
  /** False until the first focus or keystroke: until then nothing is fetched, not even for a preset query. */
  engaged: boolean;
  /** Called on focus and on input; the element starts loading the index the first time. */
  onEngage: () => void;
  /**
   * Runs a lookup (`literal`: without typo correction); rejects when the index cannot be used (the
   * element has reported it by then).
   */
  search: (query: string, literal: boolean) => Promise<Outcome>;
  /** Called once the box shows the outcome of a search. */
  onSearch?: (outcome: Outcome) => void;
  /**
   * The `action` attribute: a results page. Enter without a chosen option opens it with the text
   * as `?q=`; without it, Enter opens the first result.
   */
  action?: string | null;
  /** Tells the host; returns false when the host cancelled the event and will handle the result itself. */
  onSelect: (result: LookupResult) => boolean;
  /**
   * Loads the guided diagnosis; rejects like `search`. Without it the widget offers no diagnosis.
   * Called only when the user opens the diagnosis (or `mode` asks for it).
   */
  diagnose?: () => Promise<DiagnoseData>;
  /** The `mode` attribute: `diagnose` opens the diagnosis instead of the box; a change switches. */
  mode?: string | null;
}

type View =
  | { kind: 'idle' }
  | { kind: 'loading' }
  /** `term` and `scope` say which search produced the results, so that stale ones are recognised. */
  | { kind: 'done'; results: LookupResult[]; term: string; scope: string; outcome: Outcome }
  | { kind: 'error' };

interface State {
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
}

/** Wait for a pause in typing this long before searching. */
export const DEBOUNCE_MS = 150;

/**
 * Where the error note sends the user: the FAQ site's home from another site; on the FAQ site
 * itself, whose home is where this box usually is, the catalogue.
 */
const fallback = (site: string, locale: string) =>
  page(site, location.href.startsWith(site) ? `${locale}/symptoms/` : `${locale}/`);

/** Everything besides the text that a search depends on: a change searches again. */
const scopeOf = ({ lang, site, limit }: LookupProps) => `${lang} ${site} ${limit}`;

/**
 * The lookup box: an ARIA 1.2 combobox whose listbox holds the results, with a polite live region
 * that announces the count. Results are links, so a click, a middle click or Enter on the active
 * option all lead to the entry. The listbox is in the page flow rather than a floating popup, so
 * on a phone it scrolls with the page instead of hiding under the on-screen keyboard.
 *
 * A class rather than hooks: preact/hooks would add about 1 KB gzip to a widget whose budget is 12.
 */
export class Lookup extends Component<LookupProps, State> {
  override state: State = {
    query: this.props.query,
    text: this.props.query,
    view: { kind: 'idle' },
    active: -1,
    open: true,
    diag: null,
  };
  /** Every change of what to search for takes a new ticket; only the newest ticket's answer is shown. */
  #ticket = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #list = createRef<HTMLUListElement>();
  /** Set by the diagnosis' buttons: focus moves to what replaced them once it is on screen. */
  #focus = false;
  /** The next search starts at once: a whole word arrived in one input event (an IME commit, a paste). */
  #now = false;
  /** An IME composition is under way: its provisional text (pinyin letters) is not searched. */
  #composing = false;

  override componentDidMount() {
    // Text already there when the box starts (typed before the widget took over the page's box,
    // or a results page's query) is not being typed now: no pause to wait for.
    this.#now = true;
    this.#schedule();
    this.#loadDiag();
  }

  /**
   * A new `query` attribute replaces the text, as typing would, in the same render; a new `mode`
   * attribute opens or closes the diagnosis.
   */
  static override getDerivedStateFromProps(props: LookupProps, state: State): Partial<State> | null {
    const next: Partial<State> =
      props.query === state.query ? {} : { query: props.query, text: props.query, open: true, active: -1 };
    if (props.mode !== state.mode) {
      next.mode = props.mode;
      next.diag = props.diagnose && /^diagnose$/i.test(props.mode ?? '') ? { steps: [] } : null;
    }
    return next;
  }

  override componentDidUpdate(prev: LookupProps, before: State) {
    const { props, state } = this;
    if (
      state.text.trim() !== before.text.trim() ||
      state.literal !== before.literal ||
      scopeOf(props) !== scopeOf(prev) ||
      props.engaged !== prev.engaged
    ) {
      this.#schedule();
    }
    if (state.active !== before.active)
      this.#list.current?.children[state.active]?.scrollIntoView?.({ block: 'nearest' });
    this.#loadDiag();
    if (this.#focus) {
      // The new question's heading (or the error's link, or back in the box, the diagnosis
      // button): screen readers say where the user now is, and Tab continues from there.
      const target = (this.base as Element).querySelector<HTMLElement>(state.diag ? '.pf-q,.pf-error a' : '.pf-diag');
      if (target) {
        this.#focus = false;
        target.focus();
      }
    }
  }

  /** Loads the diagnosis' tree when it is open and not yet asked for in this language and site. */
  #loadDiag() {
    const { diag } = this.state;
    const { lang, site, diagnose } = this.props;
    const scope = `${lang} ${site}`;
    if (!diag || !diagnose || diag.scope === scope) return;
    const loaded = (found: Partial<Diag>) =>
      this.setState(({ diag: now }) => (now?.scope === scope ? { diag: { ...now, ...found } } : null));
    this.setState({ diag: { steps: [], scope } });
    diagnose().then(
      (data) => loaded({ data }),
      () => loaded({ failed: true }),
    );
  }

  /** Moves in the diagnosis (null: back to the box), then focuses what is shown. */
  #go = (diag: Diag | null) => {
    this.#focus = true;
    this.setState({ diag });
  };

  override componentWillUnmount() {
    clearTimeout(this.#timer);
    this.#ticket++;
  }

  /** Searches for the text after a pause in typing; nothing happens before the user engages. */
  #schedule() {
    const mine = ++this.#ticket;
    clearTimeout(this.#timer);
    const { props } = this;
    const term = this.state.text.trim();
    const literal = !!this.state.literal;
    const wait = this.#now ? 0 : DEBOUNCE_MS;
    if (!props.engaged || this.#composing) return;
    this.#now = false;
    if (!term) {
      this.setState({ view: { kind: 'idle' } });
      return;
    }
    const scope = scopeOf(props);
    this.#timer = setTimeout(() => {
      // Results for an earlier text in the same language stay on screen while the next ones load.
      this.setState(({ view }) => ({
        view: view.kind === 'done' && view.scope === scope ? view : { kind: 'loading' },
      }));
      props.search(term, literal).then(
        (outcome) => {
          if (mine === this.#ticket)
            this.setState({ view: { kind: 'done', results: outcome.results, term, scope, outcome }, active: -1 }, () =>
              props.onSearch?.(outcome),
            );
        },
        () => {
          if (mine === this.#ticket) this.setState({ view: { kind: 'error' } });
        },
      );
    }, wait);
  }

  /** Follows a result, unless the host cancelled the select event to handle it itself. */
  #choose = (result: LookupResult) => {
    if (this.props.onSelect(result)) location.assign(result.url);
  };

  #onKeyDown = (event: KeyboardEvent) => {
    const { view, active, text, open } = this.state;
    const results = view.kind === 'done' ? view.results : [];
    const expanded = open && results.length > 0;
    const n = results.length;
    const key = event.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      if (!n) return;
      event.preventDefault();
      const down = key === 'ArrowDown';
      if (!expanded) {
        // Alt+Down only opens the list; a plain arrow opens it on the first or last option.
        this.setState({ open: true, active: event.altKey ? -1 : down ? 0 : n - 1 });
      } else if (event.altKey && !down) {
        this.setState({ open: false, active: -1 });
      } else {
        // -1 is the text box itself: moving past either end passes through it, then wraps.
        const next = active + (down ? 1 : -1);
        this.setState({ active: next < -1 ? n - 1 : next >= n ? -1 : next });
      }
    } else if (key === 'Enter') {
      // Without an active option, Enter takes the first result, but only if it answers what is
      // in the box now rather than what was there before the last keystrokes.
      const current = view.kind === 'done' && view.term === text.trim();
      const { action } = this.props;
      const result = expanded ? (results[active] ?? (current && !action ? results[0] : undefined)) : undefined;
      if (result) {
        event.preventDefault();
        this.#choose(result);
      } else if (action && text.trim()) {
        event.preventDefault();
        const url = new URL(action, document.baseURI);
        url.searchParams.set('q', text.trim());
        location.assign(url.href);
      }
    } else if (key === 'Escape') {
      // Close the list first, then clear the text; when there is nothing to do, the key stays the
      // host's (a dialog around the widget may close on Escape).
      if (expanded) this.setState({ open: false, active: -1 });
      else if (text) this.setState({ text: '', active: -1 });
      else return;
      event.preventDefault();
    }
  };

  override render() {
    const { diag } = this.state;
    // One live region for both views, so that it is in place before anything is announced.
    const [body, status] = diag ? diagnosis(diag, this.props, this.#go, this.#choose) : this.#box();
    return (
      <div class="pf-root" part="root" lang={this.props.lang}>
        {body}
        <p class="pf-status" role="status">
          {status}
        </p>
      </div>
    );
  }

  /** The lookup: the box, its results and notes, and the way into the diagnosis. */
  #box(): [ComponentChildren, string] {
    const { strings, site, locale, engaged, onEngage, diagnose } = this.props;
    const { text, view, active, open } = this.state;
    const results = view.kind === 'done' ? view.results : [];
    const expanded = open && results.length > 0;
    // Busy from the keystroke until the answer for the text now in the box is on screen.
    const term = text.trim();
    const busy =
      engaged &&
      !!term &&
      view.kind !== 'error' &&
      !(view.kind === 'done' && view.term === term && view.scope === scopeOf(this.props));
    const status =
      view.kind === 'loading'
        ? strings.loading
        : view.kind === 'done'
          ? view.outcome.matched
            ? strings.results(results.length)
            : strings.noGood
          : '';

    return [
      <>
        <label class="pf-label" part="label" for="pf-input">
          {strings.label}
        </label>
        <input
          id="pf-input"
          class="pf-input"
          part="input"
          type="search"
          role="combobox"
          aria-expanded={expanded}
          aria-controls="pf-list"
          aria-autocomplete="list"
          aria-activedescendant={expanded && active >= 0 ? `pf-opt-${active}` : undefined}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          enterKeyHint="search"
          placeholder={strings.placeholder}
          value={text}
          onFocus={onEngage}
          onInput={(e) => {
            const value = e.currentTarget.value;
            // A committed IME word or a paste arrives as one event: search at once. Typing one
            // character at a time waits for a pause.
            this.#composing = e.isComposing;
            this.#now = e.inputType === 'insertCompositionText' || value.length > this.state.text.length + 1;
            // The new text first: engaging re-renders at once, and would otherwise write the old
            // text back into the box (characters typed before any focus event were lost).
            this.setState({ text: value, open: true, active: -1, literal: false });
            onEngage();
          }}
          // Lower case: Preact takes a name it does not find as an on-property on the element
          // (oncompositionend is none) as the event's name, case and all.
          {...{
            oncompositionend: () => {
              this.#composing = false;
              this.#now = true;
              this.#schedule();
            },
          }}
          onKeyDown={this.#onKeyDown}
        />
        {view.kind === 'done' && view.outcome.corrected && (
          <p class="pf-note" part="note">
            {strings.showing(view.outcome.corrected)}
            <button class="pf-link" part="button" onClick={() => {
                this.#now = true;
                this.setState({ literal: true });
              }}
            >
              {strings.instead(view.outcome.query)}
            </button>
          </p>
        )}
        {view.kind === 'done' && !view.outcome.matched && (
          <p class="pf-note" part="note">
            {strings.noResults}
            <a href={page(site, `${locale}/diagnose/`)}>{strings.diagnoseLink}</a>
            {strings.or}
            <a href={page(site, `${locale}/symptoms/`)}>{strings.catalogue}</a>
          </p>
        )}
        {expanded && view.kind === 'done' && !view.outcome.matched && (
          <p class="pf-maybe" part="note">
            {strings.maybe}
          </p>
        )}
        <ul
          ref={this.#list}
          id="pf-list"
          class="pf-list"
          part="list"
          role="listbox"
          aria-label={view.kind === 'done' && !view.outcome.matched ? strings.maybe : strings.label}
          aria-busy={busy}
          hidden={!expanded}
        >
          {results.map((r, i) => (
            // The option is the link itself (ARIA in HTML allows role=option on a[href]): a link
            // inside an option would be an interactive control nested in another. Being a real
            // link, a middle click or Ctrl+click still opens the entry in a new tab.
            <li key={r.id} role="none">
              {entryLink(strings, r, this.#choose, '', {
                id: `pf-opt-${i}`,
                class: i === active ? 'pf-option pf-active' : 'pf-option',
                role: 'option',
                'aria-selected': i === active,
                tabIndex: -1,
              })}
            </li>
          ))}
        </ul>
        {view.kind === 'error' && errorNote(strings, fallback(site, locale))}
        {/* No type="button" on the widget's buttons: in a shadow root they belong to no form of the host. */}
        {diagnose && (
          <button class="pf-link pf-diag" part="button diagnose" onClick={() => this.#go({ steps: [] })}>
            {strings.diagnose} →
          </button>
        )}
      </>,
      status,
    ];
  }
}
