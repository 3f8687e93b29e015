import { importScript, LookupError, once } from './pagefind-load.ts';
import type { Overlay, OverlayScript } from './overlay-types.ts';

/**
 * The overlay code's file name, set by the build (src/integrations/widget.ts): named by its
 * content, so a pinned first script always loads the overlay code it was built with.
 */
declare const POS_FAQ_OVERLAY: string;

/**
 * The vendor overlay at `address` (a widget's `overlay` attribute, resolved against the host
 * page), with its code: both loaded only for a widget that names one, once per page and address.
 * Rejects with a LookupError of type `overlay`, which the element reports once (one console line,
 * one `pos-faq-error`) while the shared lookup goes on without it.
 */
export const loadOverlay = (site: string, address: string): Promise<Overlay> =>
  once(`${site}widget/${POS_FAQ_OVERLAY}`, 'the overlay code', importScript<OverlayScript>)
    .then((script) => {
      const url = new URL(address, document.baseURI).href;
      return once(url, 'the overlay', script.load);
    })
    .catch((error: unknown) => {
      throw new LookupError('overlay', `overlay ${address}: ${error instanceof Error ? error.message : String(error)}`, error);
    });
