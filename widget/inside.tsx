/** @jsxRuntime classic */
/** @jsx h */
import { h, type ComponentChildren } from 'preact';
import { WIDGET_VIEW_STRINGS } from '../src/i18n/widget.ts';
import { hostContact } from './Contact.tsx';
import { diagnosis, type Diag } from './Diagnosis.tsx';
import { resolve } from './entry-client.ts';
import { EntryView } from './EntryView.tsx';
import type { Lookup } from './Lookup.tsx';
import type { Opened, OpenedFrom } from './lookup-types.ts';
import type { LookupResult } from './search-client.ts';
import { LookupError } from './shared.ts';
import { suggestions } from './suggestions.ts';

export type { OpenedFrom };

/** `detail` of `pos-faq-open`: an entry the widget opened inside itself, and what opened it. */
export interface PosFaqOpenDetail {
  id: string;
  url: string;
  from: OpenedFrom;
}
/** `detail` of `pos-faq-feedback`: the answer to "Did this solve it?" under an entry. */
export interface PosFaqFeedbackDetail {
  id: string;
  helpful: boolean;
  /** What was in the box when the entry was opened from it ('' when nothing was typed). */
  query: string;
}

// The entries opened inside the widget, run from the views chunk on the Lookup's own state (its
// `entries` stack), so that the first script carries only the stack: the entry view with its
// callbacks, the way back, `el.open()` and the end of a diagnosis inside.

/** `el.open()` calls waiting for their entry to be shown, by Lookup. */
const opening = new WeakMap<Lookup, { id: string; done: (error?: unknown) => void }>();

/** Fires one of the widget's events on the element (bubbling, composed), if there is one. */
function fire(lookup: Lookup, type: string, detail: unknown) {
  const root = lookup.base?.getRootNode();
  if (root instanceof ShadowRoot) root.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Back from the entry on top: to the entry before it, or to the box as the user left it. */
function back(lookup: Lookup) {
  const { entries } = lookup.state;
  const scroll = entries.length === 1 ? entries[0]!.scroll : undefined;
  lookup.setState({ entries: entries.slice(0, -1), said: '' }, () => {
    const base = lookup.base as Element;
    const target = base.querySelector<HTMLElement>(entries.length > 1 ? '.pf-q' : 'input,.pf-q');
    target?.focus({ preventScroll: !!scroll });
    if (scroll) scrollTo(scroll[0], scroll[1]);
  });
}

/** The entry view for `opened`. */
export function entry(lookup: Lookup, opened: Opened, onBack = () => back(lookup), diag = false): ComponentChildren {
  const { props, state } = lookup;
  const { strings } = props;
  const done = (error?: unknown) => {
    const waiting = opening.get(lookup);
    if (waiting?.id !== opened.id) return;
    opening.delete(lookup);
    waiting.done(error);
  };
  const label = state.entries.length > 1 || diag || state.view.kind !== 'done' ? strings.back : WIDGET_VIEW_STRINGS[props.locale]['entry.backToResults'];
  return (
    <EntryView
      key={`${opened.id} ${state.entries.length}`}
      strings={strings}
      site={props.site}
      locale={props.locale}
      id={opened.id}
      back={label}
      onBack={onBack}
      focus={opened.focus}
      contact={hostContact(lookup)}
      contactAlways={diag}
      overlay={props.overlay?.()}
      onShown={(data) => {
        lookup.setState({ said: data.title });
        fire(lookup, 'pos-faq-open', { id: data.id, url: data.url, from: opened.from } satisfies PosFaqOpenDetail);
        done();
      }}
      onFailed={done}
      onRelated={(id) => show(lookup, { id, from: 'related', focus: true })}
      onFeedback={(helpful) =>
        fire(lookup, 'pos-faq-feedback', {
          id: opened.id,
          helpful,
          query: lookup.state.text.trim(),
        } satisfies PosFaqFeedbackDetail)
      }
    />
  );
}

/** Puts an entry on top of the stack; the first one from the box remembers the page's scroll. */
export function show(lookup: Lookup, opened: Opened) {
  lookup.setState(({ entries, diag }) => ({
    entries: [...entries, entries.length || diag ? opened : { ...opened, scroll: [scrollX, scrollY] }],
  }));
}

/** A result or suggestion chosen in the box, opened inside. */
export const choose = (lookup: Lookup, result: LookupResult, from: OpenedFrom) =>
  show(lookup, { id: result.id, from, focus: true });

/** On focus, the `suggest` entries (suggestions.ts), loaded once. */
export function suggest(lookup: Lookup) {
  const { site, locale, suggest: list } = lookup.props;
  if (!list || lookup.state.suggested) return;
  suggestions(site, locale, list).then(
    (suggested) => lookup.setState({ suggested }),
    () => {},
  );
}

/**
 * `el.open()` and the `entry` attribute: resolves once the entry is shown; rejects with the
 * widget's LookupError, `unknown` when the site has no such id or code.
 */
export function open(lookup: Lookup, idOrCode: string): Promise<void> {
  const { site, locale, overlay } = lookup.props;
  // A shared id or response code always wins; else the vendor overlay's id or code ("E101").
  return resolve(site, locale, idOrCode)
    .then(async (id) => id ?? (await overlay?.())?.idFor(locale, idOrCode) ?? null)
    .then(
    (id) =>
      new Promise<void>((ok, fail) => {
        if (!id) throw new LookupError('unknown', `the site has no entry or response code "${idOrCode}"`);
        opening.get(lookup)?.done(new LookupError('unknown', 'another entry was opened first'));
        opening.set(lookup, { id, done: (error) => (error ? fail(error) : ok()) });
        show(lookup, { id, from: 'deeplink', focus: false });
      }),
  );
}

/** The diagnosis; inside the widget it ends on the entry view, whose way back is the last question. */
export function diagnose(
  lookup: Lookup,
  diag: Diag,
  go: (diag: Diag | null) => void,
  follow: (result: LookupResult) => void,
): [ComponentChildren, string] {
  const { props } = lookup;
  const [body, status] = diagnosis(
    diag,
    props,
    go,
    follow,
    props.inside ? (id, previous) => entry(lookup, { id, from: 'diagnosis', focus: true }, previous, true) : undefined,
  );
  return [body, status || (lookup.state.said ?? '')];
}
