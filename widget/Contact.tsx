/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import type { Lookup } from './Lookup.tsx';

/**
 * The host's own contact (`<a slot="contact">` in the element's light DOM), under a line that
 * names the host page's host name: the number or address is the host's word, never the
 * catalogue's. The element passes it only off the FAQ site, and only when the host supplied one;
 * the box shows it on "no good answer", the entry view at the end of an acquirer's or vendor's
 * entry and at the end of a diagnosis.
 */
export const contact = (label: string) => (
  <div class="pf-contact" part="contact">
    <p class="pf-who">{label}</p>
    <slot name="contact" />
  </div>
);

/**
 * The host page's host name when the host put a contact in the element's `contact` slot, else
 * null; always null on the FAQ site itself.
 */
export function hostContact(lookup: Lookup): string | null {
  const root = lookup.base?.getRootNode();
  return !lookup.props.home && root instanceof ShadowRoot && root.host.querySelector('[slot="contact"]')
    ? location.hostname
    : null;
}
