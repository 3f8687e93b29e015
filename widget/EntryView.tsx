/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { Component, createRef, Fragment, h } from 'preact';
import { WIDGET_VIEW_STRINGS } from '../src/i18n/widget.ts';
import type { EntryData } from '../src/lib/widget-entry.ts';
import { contact as showContact } from './Contact.tsx';
import { entry, type Locale } from './entry-client.ts';
import { Feedback } from './Feedback.tsx';
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
}

interface State {
  data?: EntryData;
  failed?: boolean;
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
    const { site, locale, id } = this.props;
    entry(site, locale, id).then(
      (data) =>
        this.setState({ data }, () => {
          if (this.props.focus) this.#title.current?.focus();
          this.props.onShown(data);
        }),
      (error: unknown) => {
        this.setState({ failed: true });
        this.props.onFailed(error);
      },
    );
  }

  override render() {
    const { strings, site, locale, back, onBack, onRelated, onFeedback, contact, contactAlways } = this.props;
    const { data, failed } = this.state;
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
              {data.title}
            </h2>
            <p class="pf-who">
              {strings.who}
              {data.actors.map((a) => actors[a] ?? a).join(' → ')}
              {data.codes.length > 0 && ` · ${s['entry.codes']} `}
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
