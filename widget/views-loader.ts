import { Component, createRef, Fragment, h } from 'preact';
import { LookupError, safeUrl } from './search-client.ts';
import type { Shared } from './shared.ts';
import type { Views } from './views.ts';

/**
 * The views chunk's file name, set by the build (src/integrations/widget.ts): named by its
 * content, so a pinned first script always loads the chunk it was built with.
 */
declare const POS_FAQ_VIEWS: string;

let loading: Promise<Views> | undefined;

/**
 * Loads the views chunk (the entry view, the diagnosis, the feedback and the suggestions) once
 * per page, when first needed. A classic script, so that it loads from file:// as well. A failed
 * load is forgotten, so that the next try loads again.
 */
export function loadViews(site: string): Promise<Views> {
  loading ??= new Promise<Views>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${site}widget/${POS_FAQ_VIEWS}`;
    (script as unknown as { posFaq: Shared }).posFaq = { h, Fragment, Component, createRef, LookupError, safeUrl };
    let views: Views | undefined;
    script.addEventListener('pos-faq-data', (e) => resolve((views = (e as CustomEvent<Views>).detail)));
    // After the chunk ran (or failed to load): without its views, it did not load.
    script.onload = script.onerror = () => {
      if (views) return;
      loading = undefined;
      reject(new LookupError('network', `could not load ${script.src}`));
    };
    document.head.append(script);
  });
  return loading;
}
