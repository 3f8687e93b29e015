/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { Fragment, h, type ComponentChildren } from 'preact';
import type { DiagnoseData } from '../src/lib/diagnose.ts';
// In the views chunk (views.ts): safeUrl is the first script's own (shared.ts).
import { safeUrl } from './shared.ts';
import type { LookupResult } from './search-client.ts';
import { entryLink, errorNote, page } from './parts.tsx';
import type { Strings } from './strings.ts';
import { WIDGET_VIEW_STRINGS } from '../src/i18n/widget.ts';

/**
 * The guided diagnosis in progress. Lookup keeps it in its state, because the `mode` attribute
 * opens and closes it there and the live region that announces each question is Lookup's.
 */
export interface Diag {
  /** The answer (its index) chosen at each question so far, from the first. */
  steps: number[];
  /** The language and site the tree was asked for: when they change, it loads again and starts over. */
  scope?: string;
  data?: DiagnoseData;
  failed?: boolean;
}

export interface DiagnosisProps {
  strings: Strings;
  /** Site address ending in a slash, for the entry's and the fallback link. */
  site: string;
  /** The site path prefix for this language: `zh` or `en`. */
  locale: string;
}

/**
 * The guided diagnosis: one question at a time with its answers as buttons, then the entry it
 * leads to (title, who acts, first step, a link to the whole entry). The same tree as the site's
 * /<lang>/diagnose/ pages; Back and Start again move within it, Back on the first question
 * returns to the box. Returns what to show and what the live region should say.
 *
 * @param go Moves in the diagnosis (null: back to the box); the caller focuses what is shown then.
 * @param choose Follows the entry the diagnosis ends on.
 * @param inside Shows that entry inside the widget instead (the entry view, whose back control
 *   returns to the last question); absent when entries open on the FAQ site (`open="page"`).
 */
export function diagnosis(
  diag: Diag,
  { strings, site, locale }: DiagnosisProps,
  go: (diag: Diag | null) => void,
  choose: (result: LookupResult) => void,
  inside?: (id: string, back: () => void) => ComponentChildren,
): [ComponentChildren, string] {
  const { data, steps } = diag;
  const words = WIDGET_VIEW_STRINGS[locale as 'zh' | 'en'];
  let question = data?.questions[data.start];
  let entry: LookupResult | undefined;
  for (const i of data ? steps : []) {
    const answer = question?.answers[i];
    const id = answer?.entry ?? '';
    const found = data!.entries[id];
    if (found) {
      // A tree published before entries carried their codes may still be in a cache.
      entry = { ...found, codes: found.codes ?? [], id, url: safeUrl(found.url.replace(/^\//, ''), site) ?? '' };
    }
    question = data!.questions[answer?.next ?? ''];
  }
  // A tree that leads nowhere (a newer site, a broken file) counts as one that did not load.
  const failed = diag.failed || (data && !question && !entry);
  if (entry && inside) return [inside(entry.id, () => go({ ...diag, steps: steps.slice(0, -1) })), ''];
  return [
    <>
      {failed ? (
        errorNote(strings, page(site, `${locale}/diagnose/`))
      ) : data ? (
        <>
          {/* .pf-who: the muted second line of an option, here the kicker and the question's help. */}
          <p class="pf-who">
            {data.title}
            {entry ? '' : ` · ${words['diagnose.step'].replace('{n}', String(question!.depth))}`}
          </p>
          <h2 class="pf-q" part="question" tabIndex={-1}>
            {entry ? words['diagnose.found'] : question!.question}
          </h2>
          {entry ? (
            <div class="pf-list">{entryLink(strings, entry, choose, ' →')}</div>
          ) : (
            <>
              {question!.help && <p class="pf-who">{question!.help}</p>}
              <ul class="pf-list" part="list">
                {question!.answers.map((a, i) => (
                  <li>
                    <button class="pf-option" part="answer" onClick={() => go({ ...diag, steps: [...steps, i] })}>
                      <span class="pf-title">{a.answer}</span>
                      {a.detail && <span class="pf-who">{a.detail}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p class="pf-note">{strings.loading}</p>
      )}
      <p class="pf-nav">
        <button
          class="pf-link"
          part="button"
          onClick={() => go(steps.length ? { ...diag, steps: steps.slice(0, -1) } : null)}
        >
          ← {strings.back}
        </button>
        {steps.length > 0 && (
          <button class="pf-link" part="button" onClick={() => go({ ...diag, steps: [] })}>
            ↺ {words['diagnose.restart']}
          </button>
        )}
      </p>
    </>,
    failed ? '' : !data ? strings.loading : entry ? entry.title : question!.question,
  ];
}
