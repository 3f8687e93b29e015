/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h } from 'preact';
import type { LookupResult } from './search-client.ts';
import type { Strings } from './strings.ts';

// What both views of the widget render: the lookup box and the diagnosis. These are plain
// functions that return elements, not components, so that Preact diffs the same tree as when they
// were written inline: the error note, for one, takes over the loading note's <p> in place.

/**
 * A page of the FAQ site by its folder path (`zh/symptoms/`). From file:// (the offline bundle) a
 * folder URL opens a file listing, so there the link names the page's file.
 */
export const page = (site: string, path: string) => site + path + (site.startsWith('file:') ? 'index.html' : '');

/**
 * An entry as a link: title, who acts, first step. A lookup result (an option of the listbox)
 * and the entry a diagnosis ends on look the same; there, `arrow` after the title says that it
 * opens the whole entry. A plain click calls `choose`; modified clicks keep their meaning (new
 * tab, new window).
 */
export function entryLink(
  strings: Strings,
  r: LookupResult,
  choose: (result: LookupResult) => void,
  arrow: string,
  attributes?: Record<string, unknown>,
) {
  return (
    <a
      class="pf-option"
      part="option"
      href={r.url}
      onClick={(e) => {
        if (e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey) {
          e.preventDefault();
          choose(r);
        }
      }}
      {...attributes}
    >
      <span class="pf-title">
        {/* A vendor overlay's entry says whose it is, in the codes' badge style; as text, like all of it. */}
        {r.vendor && <span class="pf-code">{r.vendor}</span>}
        {/* Most titles start with their codes ("51 余额不足"); a badge would repeat them. */}
        {r.codes
          .filter((code) => !r.title.includes(code))
          .map((code) => (
            <span class="pf-code">{code}</span>
          ))}
        {r.title}
        {arrow}
      </span>
      {r.actor && (
        <span class="pf-who">{strings.who + ((strings.actors as Record<string, string>)[r.actor] ?? r.actor)}</span>
      )}
      {r.step && <span class="pf-step">{r.step}</span>}
    </a>
  );
}

/** The alert when the FAQ site cannot be used, with a link to `href` on the site instead. */
export function errorNote(strings: Strings, href: string) {
  return (
    <p class="pf-note pf-error" part="error" role="alert">
      {strings.error}
      <a href={href}>{strings.errorLink}</a>
    </p>
  );
}
