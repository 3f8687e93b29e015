import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupResult } from './search-client.ts';
import type { Strings } from './strings.ts';

export interface LookupProps {
  strings: Strings;
  /** Site address, for the fallback link and the catalogue link. */
  site: string;
  /** The site path prefix for this language: `zh` or `en`. */
  locale: string;
  initialQuery: string;
  /** Runs a lookup; rejects when the index cannot be used. */
  search: (query: string) => Promise<LookupResult[]>;
  /** Called on first focus or keystroke, to start loading the index. */
  warm: () => void;
  onSelect: (result: LookupResult) => boolean;
  /** Called once per failure; returns nothing, the component shows the message itself. */
  onError: (error: unknown) => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; results: LookupResult[] }
  | { kind: 'error' };

const DEBOUNCE_MS = 120;
let counter = 0;

/**
 * The lookup box: an ARIA 1.2 combobox whose listbox holds the results. Results are links, so a
 * click, a middle click or Enter on the active option all go to the entry.
 */
export function Lookup({ strings, site, locale, initialQuery, search, warm, onSelect, onError }: LookupProps) {
  const [query, setQuery] = useState(initialQuery);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const latest = useRef(0);
  const ids = useRef(`pos-faq-${++counter}`).current;

  useEffect(() => {
    const term = query.trim();
    if (!term) {
      setState({ kind: 'idle' });
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      setState((s) => (s.kind === 'done' ? s : { kind: 'loading' }));
      search(term).then(
        (results) => {
          // A slower, older answer never replaces a newer one.
          if (ticket !== latest.current) return;
          setState({ kind: 'done', results });
          setActive(-1);
          setOpen(true);
        },
        (error: unknown) => {
          if (ticket !== latest.current) return;
          setState({ kind: 'error' });
          onError(error);
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const results = state.kind === 'done' ? state.results : [];
  const expanded = open && results.length > 0;

  const choose = (result: LookupResult) => {
    if (onSelect(result)) window.location.assign(result.url);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!results.length) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // -1 is the input itself; moving past either end wraps through it.
      setActive((i) => {
        const next = i + step;
        return next < -1 ? results.length - 1 : next >= results.length ? -1 : next;
      });
    } else if (event.key === 'Enter') {
      const result = results[active] ?? (expanded ? results[0] : undefined);
      if (result) {
        event.preventDefault();
        choose(result);
      }
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setQuery('');
      setActive(-1);
    }
  };

  const status =
    state.kind === 'loading'
      ? strings.loading
      : state.kind === 'done'
        ? strings.results(results.length)
        : '';

  return (
    <div class="pf-root" part="root">
      <label class="pf-label" for={`${ids}-input`}>
        {strings.label}
      </label>
      <div class="pf-field">
        <input
          id={`${ids}-input`}
          class="pf-input"
          part="input"
          type="search"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={`${ids}-list`}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 && expanded ? `${ids}-opt-${active}` : undefined}
          autocomplete="off"
          spellcheck={false}
          enterKeyHint="search"
          placeholder={strings.placeholder}
          value={query}
          onFocus={warm}
          onInput={(e) => {
            warm();
            setQuery((e.currentTarget as HTMLInputElement).value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul id={`${ids}-list`} class="pf-list" role="listbox" aria-label={strings.label} hidden={!expanded}>
        {results.map((r, i) => (
          <li
            key={r.id}
            id={`${ids}-opt-${i}`}
            class={i === active ? 'pf-option pf-active' : 'pf-option'}
            role="option"
            aria-selected={i === active}
          >
            <a
              href={r.url}
              tabIndex={-1}
              onClick={(e) => {
                if (e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey) {
                  e.preventDefault();
                  choose(r);
                }
              }}
            >
              <span class="pf-title">
                {r.codes.length > 0 && <span class="pf-code">{r.codes.join(' ')}</span>}
                {r.title}
              </span>
              <span class="pf-who">
                {strings.who}: {strings.actors[r.actor as keyof Strings['actors']] ?? r.actor}
              </span>
              {r.step && <span class="pf-step">{r.step}</span>}
            </a>
          </li>
        ))}
      </ul>
      {state.kind === 'done' && results.length === 0 && (
        <p class="pf-empty">
          {strings.noResults} <a href={`${site}${locale}/symptoms/`}>{strings.catalogue}</a>
        </p>
      )}
      {state.kind === 'error' && (
        <p class="pf-error" role="alert">
          {strings.error} <a href={`${site}${locale}/`}>{strings.errorLink}</a>
        </p>
      )}
      <p class="pf-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
