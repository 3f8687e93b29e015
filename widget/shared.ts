/**
 * What the views chunk (widget/views.ts) takes from the first script instead of bundling its
 * own copy: Preact (two copies could not render into one tree) and the few helpers both need.
 * In the chunk's build, `preact` resolves to this module (src/integrations/widget.ts), so the
 * chunk's JSX runs on the first script's `h`. The first script hands the object over on the
 * chunk's own <script> element (views-loader.ts), which the chunk reads while it runs: no global.
 */
import type { Component as C, createRef as R, Fragment as F, h as H } from 'preact';
import type { LookupError as E, safeUrl as U } from './search-client.ts';

export interface Shared {
  h: typeof H;
  Fragment: typeof F;
  Component: typeof C;
  createRef: typeof R;
  LookupError: typeof E;
  safeUrl: typeof U;
}

/**
 * The chunk's own <script> element. `document.currentScript` can be clobbered by an element
 * named "currentScript" on the host page: only a real script element counts, else the chunk is
 * found by its file name.
 */
export const chunkScript = (() => {
  const current = document.currentScript;
  return current instanceof HTMLScriptElement
    ? current
    : document.querySelector<HTMLScriptElement>('script[src*="/widget/pos-faq-views."]');
})();

const shared = (chunkScript as unknown as { posFaq: Shared }).posFaq;
export const { h, Fragment, Component, createRef, LookupError, safeUrl } = shared;
