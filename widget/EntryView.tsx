/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { Component, createRef, Fragment, h } from 'preact';
import { WIDGET_VIEW_STRINGS } from '../src/i18n/widget.ts';
import type { EntryData } from '../src/lib/widget-entry.ts';
import type { PublishedNote } from '../src/schemas/overlay.ts';
import { contact as showContact } from './Contact.tsx';
import { entry, type Locale } from './entry-client.ts';
import { Feedback } from './Feedback.tsx';
import type { Overlay } from './overlay-types.ts';
import { errorNote, page } from './parts.tsx';
import type { Strings } from './strings.ts';

export interface EntryViewProps {
  /** The first script's strings (who acts, the error note). */
  strings: Strings;
  site: string;
  locale: Locale;
  id: string;
  /** What the back control says: back to the results, to the last question, to the last entry. */
  back: string;
  onBack: () => void;
  /** Called once the entry is on screen: the element fires `pos-faq-open`. */
  onShown: (data: EntryData) => void;
  /** Called when the entry cannot be loaded (the view says so, with a link to its page). */
  onFailed: (error: unknown) => void;
  /** A related entry was chosen: it opens inside too. */
  onRelated: (id: string) => void;
  onFeedback: (helpful: boolean) => void;
  /** Move focus to the title once shown (the user opened it, rather than the host). */
  focus: boolean;
  /** The host page's host name when it supplied a contact; null without one, and on the FAQ site. */
  contact: string | null;
  /** Show the contact whoever acts (the end of a diagnosis); else only for the acquirer or vendor. */
  contactAlways?: boolean;
  /** The widget's vendor overlay (null without one, or when it cannot be used): its entries, and its model notes on shared ones. */
  overlay?: Promise<Overlay | null> | null | undefined;
}

interface State {
  data?: EntryData;
  /** The vendor's name, on an overlay's own entry. */
  vendor?: string;
  /** A vendor's notes for some of its models on this shared entry, under the vendor's name. */
  notes?: { vendor: string; list: PublishedNote[] };
  failed?: boolean;
}

/**
 * An entry's data with what a vendor overlay adds: an overlay entry (ids never collide with the
 * shared ones, `npm run overlay` checks), else the shared entry with the overlay's model notes on it.
 */
async function load(site: string, locale: Locale, id: string, overlay: EntryViewProps['overlay']): Promise<State> {
  const o = await overlay;
  const mine = o && (await o.entry(locale, id, (rid) => entry(site, locale, rid).then((d) => d.title, () => rid)));
  if (o && mine) return { data: mine, vendor: o.name(locale) };
  const data = await entry(site, locale, id);
  const list = o?.notes(locale, id) ?? [];
  return o && list.length ? { data, notes: { vendor: o.name(locale), list } } : { data };
}

/** A plain left click; modified clicks keep their meaning (new tab, new window). */
const plain = (e: MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/**
 * One entry inside the widget: title, codes, who acts, every step in order, what not to do,
 * when and to whom to escalate, related entries (which open here too), a link to the full page,
 * "Did this solve it?" and, where it helps, the host's own contact. Loads its data itself, once
 * per entry (entry-client.ts); all of it is rendered as text.
 */
export class EntryView extends Component<EntryViewProps, State> {
  #title = createRef<HTMLHeadingElement>();

  override componentDidMount() {
    const { site, locale, id, overlay } = this.props;
    load(site, locale, id, overlay).then(
      (state) =>
        this.setState(state, () => {
          if (this.props.focus) this.#title.current?.focus();
          this.props.onShown(state.data!);
        }),
      (error: unknown) => {
        this.setState({ failed: true });
        this.props.onFailed(error);
      },
    );
  }

  override render() {
    const { strings, site, locale, back, onBack, onRelated, onFeedback, contact, contactAlways } = this.props;
    const { data, failed, vendor, notes } = this.state;
    const s = WIDGET_VIEW_STRINGS[locale];
    const actors = strings.actors as Record<string, string>;
    return (
      <section class="pf-entry" part="entry" aria-labelledby="pf-entry-title">
        <p class="pf-nav">
          <button class="pf-link" part="button back" onClick={onBack}>
            ← {back}
          </button>
        </p>
        {failed ? (
          errorNote(strings, page(site, `${locale}/symptoms/${this.props.id}/`))
        ) : !data ? (
          <p class="pf-note">{s['entry.loading']}</p>
        ) : (
          <>
            <h2 id="pf-entry-title" class="pf-q" part="question" tabIndex={-1} ref={this.#title}>
              {vendor && <span class="pf-code">{vendor}</span>}
              {data.title}
            </h2>
            <p class="pf-who">
              {strings.who}
              {data.actors.map((a) => actors[a] ?? a).join(' → ')}
              {data.codes.length > 0 && ` · ${s[vendor ? 'entry.vendorCodes' : 'entry.codes']} `}
              {data.codes.map((code) => (
                <span class="pf-code">{code}</span>
              ))}
            </p>
            <p class="pf-lead">{data.summary}</p>
            <h3 class="pf-h">{s['entry.steps']}</h3>
            <ol class="pf-steps">
              {data.steps.map((step) => (
                <li>{step}</li>
              ))}
            </ol>
            {/* A vendor's notes for some models: after the shared steps, never instead of them, and
                before the shared "what not to do", which stays as it is. */}
            {notes?.list.map((note) => (
              <div class="pf-notes" part="notes">
                <h3 class="pf-h">
                  {s['entry.notes'].replace('{vendor}', notes.vendor).replace('{models}', note.models.join(s['entry.and']))}
                </h3>
                <ol class="pf-steps">
                  {note.steps.map((step) => (
                    <li>{step}</li>
                  ))}
                </ol>
              </div>
            ))}
            {data.avoid.length > 0 && (
              <div class="pf-avoid">
                <h3 class="pf-h">{s['entry.avoid']}</h3>
                <ul class="pf-steps">
                  {data.avoid.map((a) => (
                    <li>{a}</li>
                  ))}
                </ul>
              </div>
            )}
            <h3 class="pf-h">{s['entry.escalate']}</h3>
            <p>{data.escalate.when}</p>
            <p class="pf-to">→ {data.escalate.to}</p>
            {data.related.length > 0 && (
              <>
                <h3 class="pf-h">{s['entry.related']}</h3>
                <ul class="pf-related">
                  {data.related.map((r) => (
                    <li>
                      <a
                        href={page(site, `${locale}/symptoms/${r.id}/`)}
                        part="related"
                        onClick={(e) => {
                          if (plain(e)) {
                            e.preventDefault();
                            onRelated(r.id);
                          }
                        }}
                      >
                        {r.title}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {data.url && (
              <p class="pf-full">
                <a href={data.url} part="full">
                  {s['entry.full']} →
                </a>
              </p>
            )}
            <Feedback strings={s} onAnswer={onFeedback} />
            {contact &&
              (contactAlways || data.actors.some((a) => a === 'acquirer' || a === 'vendor')) &&
              showContact(s['contact.from'].replace('{host}', contact))}
          </>
        )}
      </section>
    );
  }
}
