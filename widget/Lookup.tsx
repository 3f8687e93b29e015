/** @jsxRuntime classic */
/** @jsx h */
import { Component, createRef, h, type ComponentChildren } from 'preact';
import { box } from './Box.tsx';
import type { Diag } from './Diagnosis.tsx';
import type { LookupProps, OpenedFrom, State } from './lookup-types.ts';
import type { LookupResult } from './search-client.ts';
import { adoptStyles } from './sheets.ts';
import { loadViews } from './views-loader.ts';
import type { Views } from './views.ts';

export type { LookupProps, OpenedFrom, State } from './lookup-types.ts';

/** Wait for a pause in typing this long before searching. */
export const DEBOUNCE_MS = 150;
/** How long a search may take before the box says it is searching. */
const LOADING_AFTER_MS = 100;

/** Everything besides the text that a search depends on: a change searches again. */
const scopeOf = ({ lang, site, limit }: LookupProps) => `${lang} ${site} ${limit}`;

/**
 * The lookup: the box (Box.tsx), the guided diagnosis and the entry view (both in the views
 * chunk, loaded when first needed), and one polite live region for all of them. This class keeps
 * the searching (debounce, tickets, IME compositions) and which view is on screen.
 *
 * A class rather than hooks: preact/hooks would add about 1 KB gzip to a widget whose budget is 13.
 */
export class Lookup extends Component<LookupProps, State> {
  override state: State = {
    query: this.props.query,
    text: this.props.query,
    view: { kind: 'idle' },
    active: -1,
    open: true,
    diag: null,
    entries: [],
  };
  /** Every change of what to search for takes a new ticket; only the newest ticket's answer is shown. */
  #ticket = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #list = createRef<HTMLUListElement>();
  /** Set by the diagnosis' buttons and the way back: focus moves once the new view is on screen. */
  #focus = false;
  /** The next search starts at once: a whole word arrived in one input event (an IME commit, a paste). */
  #now = false;
  /** An IME composition is under way: its provisional text (pinyin letters) is not searched. */
  #composing = false;

  override componentDidMount() {
    // Text already there when the box starts is not being typed now: no pause to wait for.
    this.#now = true;
    this.#schedule();
    this.#loadDiag();
  }

  /** A new `query` attribute replaces the text; a new `mode` attribute opens or closes the diagnosis. */
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
    // The notes under the results come with the views: they load once the first search has
    // answered, not with it, where they would share a slow connection with the index it needs.
    const answered = state.view.kind === 'done' || state.view.kind === 'error';
    if ((state.diag || state.entries.length || (props.engaged && answered)) && !state.views) this.views().catch(() => {});
    if (this.#focus) {
      // The new question's heading (or the error's link), or back in the box, the diagnosis
      // button: screen readers say where the user now is, and Tab continues from there.
      const target = (this.base as Element).querySelector<HTMLElement>(state.diag ? '.pf-q,.pf-error a' : '.pf-diag');
      if (target) {
        this.#focus = false;
        target.focus();
      }
    }
  }

  /** Loads the views chunk; the views that need it say "loading" until then. */
  views(): Promise<Views> {
    return loadViews(this.props.site).then((views) => {
      const root = this.base?.getRootNode();
      if (root instanceof ShadowRoot) adoptStyles(root, views.css);
      if (!this.state.views) this.setState({ views });
      return views;
    });
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
    Promise.all([diagnose(), this.views()]).then(
      ([data]) => loaded({ data }),
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
    const run = () => {
      // "Searching…" only when the answer is slow to come (the first search loads the index): a
      // warm search answers in tens of milliseconds, and the note only flickered. Results for an
      // earlier text in the same language stay on screen while the next ones load.
      const slow = setTimeout(() => {
        if (mine !== this.#ticket) return;
        this.setState(({ view }) => ({ view: view.kind === 'done' && view.scope === scope ? view : { kind: 'loading' } }));
      }, LOADING_AFTER_MS);
      props.search(term, literal).then(
        (outcome) => {
          clearTimeout(slow);
          const show = () => {
            if (mine === this.#ticket)
              this.setState({ view: { kind: 'done', results: outcome.results, term, scope, outcome }, active: -1 }, () =>
                props.onSearch?.(outcome),
              );
          };
          // A corrected query's note ("showing results for …") comes with the views chunk, which
          // loads after the first answer: the results wait for it, so that they never show unexplained.
          if (outcome.corrected && !this.state.views) this.views().then(show, show);
          else show();
        },
        () => {
          clearTimeout(slow);
          if (mine === this.#ticket) this.setState({ view: { kind: 'error' } });
        },
      );
    };
    // A committed word or a paste searches in this very task: a timer, even of 0 ms, could let
    // the browser draw a frame before the search began.
    if (wait) this.#timer = setTimeout(run, wait);
    else run();
  }

  /**
   * Follows a result: inside the widget, or on the FAQ site; not at all if the host cancelled. A
   * vendor overlay's entry has no page on the FAQ site: it always opens inside.
   */
  #choose = (result: LookupResult, from: OpenedFrom) => {
    if (!this.props.onSelect(result)) return;
    if (!this.props.inside && !result.vendor) return location.assign(result.url);
    this.views().then((views) => views.choose(this, result, from), () => location.assign(result.url));
  };

  /**
   * Opens an entry by id or response code (the `entry` attribute, `el.open()`); resolves once it
   * is shown, rejects with a LookupError (`unknown` for an id or code the site does not have).
   */
  openEntry(idOrCode: string): Promise<void> {
    return this.views().then((views) => views.open(this, idOrCode));
  }

  override render() {
    const { props, state } = this;
    const { diag, entries, views } = state;
    const top = entries[entries.length - 1];
    const { strings } = props;
    let body: ComponentChildren;
    let status = state.said ?? '';
    if ((top || diag) && !views) body = <p class="pf-note">{strings.loading}</p>;
    else if (top) body = views!.entry(this, top);
    else if (diag) [body, status] = views!.diagnose(this, diag, this.#go, (r) => this.#choose(r, 'diagnosis'));
    else [body, status] = this.#box();
    // One live region for every view, so that it is in place before anything is announced.
    return (
      <div class="pf-root" part="root" lang={props.lang}>
        {!props.home && <slot name="brand" />}
        {body}
        <p class="pf-status" role="status">
          {status}
        </p>
      </div>
    );
  }

  #box() {
    const { props, state } = this;
    const { view, text } = state;
    const term = text.trim();
    const done = view.kind === 'done';
    const scoped = done && view.scope === scopeOf(props);
    const options = done ? view.results : term ? [] : (state.suggested ?? []);
    return box({
      props,
      state,
      set: (s) => this.setState(s as State),
      options,
      current: done && view.term === term,
      // Busy from the keystroke until the answer for the text now in the box is on screen.
      busy: props.engaged && !!term && view.kind !== 'error' && !(scoped && view.term === term),
      choose: (r, i) => {
        this.setState({ active: i });
        this.#choose(r, done ? 'result' : 'suggest');
      },
      typed: (value, now, composing) => {
        this.#composing = composing;
        this.#now = now;
        // The new text first: engaging re-renders at once, and would otherwise write the old
        // text back into the box (characters typed before any focus event were lost).
        this.setState({ text: value, open: true, active: -1, literal: false });
        props.onEngage();
      },
      composed: () => {
        this.#composing = false;
        this.#now = true;
        this.#schedule();
      },
      notes: state.views?.notes(this, () => {
        this.#now = true;
        this.setState({ literal: true });
      }),
      list: this.#list,
      diagnose: props.diagnose && (() => this.#go({ steps: [] })),
    });
  }
}
