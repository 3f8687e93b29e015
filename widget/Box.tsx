/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { Fragment, h, type ComponentChildren, type RefObject } from 'preact';
import { entryLink, errorNote, page } from './parts.tsx';
import type { LookupResult } from './search-client.ts';
import type { LookupProps, State } from './lookup-types.ts';

/**
 * What the box needs from the Lookup that owns it: its props and state, and the few actions
 * that change them. The Lookup keeps the searching (debounce, tickets, IME) and the views; this
 * file is the box itself: the combobox, its listbox, its notes and its keyboard.
 */
export interface BoxContext {
  props: LookupProps;
  state: State;
  set: (state: Partial<State>) => void;
  /** The options shown: the results, or before any typing the `suggest` entries. */
  options: LookupResult[];
  /** The outcome on screen answers the text in the box now. */
  current: boolean;
  busy: boolean;
  choose: (result: LookupResult, index: number) => void;
  /** A new value was typed; `now`: search without waiting for a pause. */
  typed: (value: string, now: boolean, composing: boolean) => void;
  composed: () => void;
  list: RefObject<HTMLUListElement>;
  /** The notes under the box (views chunk, Notes.tsx), once the chunk is here. */
  notes: ComponentChildren;
  /** Opens the diagnosis, when the widget offers one. */
  diagnose?: (() => void) | undefined;
}

/** The arrow keys, Enter and Escape of the combobox (ARIA 1.2 pattern). */
function keyDown(c: BoxContext, event: KeyboardEvent) {
  const { state, set, options, current } = c;
  const { active, text, open } = state;
  const n = options.length;
  const expanded = open && n > 0;
  const key = event.key;
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    if (!n) return;
    event.preventDefault();
    const down = key === 'ArrowDown';
    if (!expanded) {
      // Alt+Down only opens the list; a plain arrow opens it on the first or last option.
      set({ open: true, active: event.altKey ? -1 : down ? 0 : n - 1 });
    } else if (event.altKey && !down) {
      set({ open: false, active: -1 });
    } else {
      // -1 is the text box itself: moving past either end passes through it, then wraps.
      const next = active + (down ? 1 : -1);
      set({ active: next < -1 ? n - 1 : next >= n ? -1 : next });
    }
  } else if (key === 'Enter') {
    // Without an active option, Enter takes the first result, but only if it answers what is
    // in the box now rather than what was there before the last keystrokes.
    const { action } = c.props;
    const index = expanded ? (options[active] ? active : current && !action ? 0 : -1) : -1;
    if (index >= 0) {
      event.preventDefault();
      c.choose(options[index]!, index);
    } else if (action && text.trim()) {
      event.preventDefault();
      const url = new URL(action, document.baseURI);
      url.searchParams.set('q', text.trim());
      location.assign(url.href);
    }
  } else if (key === 'Escape') {
    // Close the list first, then clear the text; when there is nothing to do, the key stays the
    // host's (a dialog around the widget may close on Escape).
    if (expanded) set({ open: false, active: -1 });
    else if (text) set({ text: '', active: -1 });
    else return;
    event.preventDefault();
  }
}

/** The lookup: the box, its results and notes, and the way into the diagnosis. */
export function box(c: BoxContext): [ComponentChildren, string] {
  const { strings, site, locale, onEngage } = c.props;
  const { text, view, active, open } = c.state;
  const results = c.options;
  const expanded = open && results.length > 0;
  const done = view.kind === 'done' ? view : null;
  const unmatched = done && !done.outcome.matched;
  const status = view.kind === 'loading' ? strings.loading : done ? (unmatched ? strings.noGood : strings.results(results.length)) : '';

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
          c.typed(value, e.inputType === 'insertCompositionText' || value.length > text.length + 1, e.isComposing);
        }}
        // Lower case: Preact takes a name it does not find as an on-property on the element
        // (oncompositionend is none) as the event's name, case and all.
        {...{ oncompositionend: c.composed }}
        onKeyDown={(e) => keyDown(c, e)}
      />
      {c.notes}
      <ul
        ref={c.list}
        id="pf-list"
        class="pf-list"
        part="list"
        role="listbox"
        aria-label={unmatched ? strings.maybe : strings.label}
        aria-busy={c.busy}
        hidden={!expanded}
      >
        {results.map((r, i) => (
          // The option is the link itself (ARIA in HTML allows role=option on a[href]): a link
          // inside an option would be an interactive control nested in another. Being a real
          // link, a middle click or Ctrl+click still opens the entry in a new tab.
          <li key={r.id} role="none">
            {entryLink(strings, r, (chosen) => c.choose(chosen, i), '', {
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
      {c.diagnose && (
        <button class="pf-link pf-diag" part="button diagnose" onClick={c.diagnose}>
          {strings.diagnose} →
        </button>
      )}
    </>,
    status,
  ];
}

/**
 * Where the error note sends the user: the FAQ site's home from another site; on the FAQ site
 * itself, whose home is where this box usually is, the catalogue.
 */
const fallback = (site: string, locale: string) =>
  page(site, location.href.startsWith(site) ? `${locale}/symptoms/` : `${locale}/`);
