/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { Fragment, h } from 'preact';
import { WIDGET_VIEW_STRINGS } from '../src/i18n/widget.ts';
import { page } from './parts.tsx';
import { contact, hostContact } from './Contact.tsx';
import type { Lookup } from './Lookup.tsx';


/**
 * The notes around the box's results, from the views chunk (they need no index, and keep the
 * first script small): "showing results for" with the way back to the literal query; on "no good
 * answer" the diagnosis and the catalogue, the host's "tell us what is missing" link and its
 * contact, and the "maybe related" heading; before typing, the `suggest` list's heading.
 */
export function notes(lookup: Lookup, literal: () => void) {
  const { site, locale, lang, reportHref } = lookup.props;
  const { view, text, open, suggested } = lookup.state;
  const outcome = view.kind === 'done' ? view.outcome : null;
  const term = view.kind === 'done' ? view.term : '';
  // The list is open: the results, or before typing the suggestions.
  const expanded = open && (outcome ? outcome.results.length > 0 : !text.trim() && !!suggested?.length);
  const host = hostContact(lookup);
  const s = WIDGET_VIEW_STRINGS[locale];
  const unmatched = outcome && !outcome.matched;
  const report = reportHref && reportLink(reportHref, lang, term);
  return (
    <>
      {outcome?.corrected && (
        <p class="pf-note" part="note">
          {s['notes.showing'].replace('{query}', outcome.corrected)}
          <button class="pf-link" part="button" onClick={literal}>
            {s['notes.instead'].replace('{query}', outcome.query)}
          </button>
        </p>
      )}
      {unmatched && (
        <p class="pf-note" part="note">
          {s['notes.noResults']}
          <a href={page(site, `${locale}/diagnose/`)}>{s['notes.diagnose']}</a>
          {s['notes.or']}
          <a href={page(site, `${locale}/symptoms/`)}>{s['notes.catalogue']}</a>
          {report && (
            <>
              {' · '}
              <a href={report} part="report">
                {s['notes.report']}
              </a>
            </>
          )}
        </p>
      )}
      {unmatched && host && contact(s['contact.from'].replace('{host}', host))}
      {expanded && (unmatched || !outcome) && (
        <p class="pf-maybe" part="note">
          {unmatched ? s['notes.maybe'] : s['notes.suggested']}
        </p>
      )}
    </>
  );
}

/**
 * The `report-href` template with `{query}` and `{lang}` filled in (URL-encoded), resolved
 * against the host page; http(s) and mailto only, else no link.
 */
export function reportLink(template: string, lang: string, query: string): string | null {
  try {
    const url = new URL(
      template.replace(/\{query\}/g, encodeURIComponent(query)).replace(/\{lang\}/g, encodeURIComponent(lang)),
      document.baseURI,
    );
    return /^(https?|mailto):$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
