// `widget/pos-faq-overlay.<hash>.js`: the code of a vendor overlay (README, "Vendor overlays"), a
// classic script of its own that the widget loads only when its `overlay` attribute is set
// (overlay-load.ts), so that the first script stays within its budget. Like the scripts next to
// the index, it hands over what it carries in a `pos-faq-data` event on its own element: no global
// on the host page. The views chunk reaches the loaded overlay through the Lookup's `overlay` prop.
import { readOverlay } from './overlay-data.ts';
import { overlayViews } from './overlay-entry.ts';
import { overlayRanker } from './overlay-rank.ts';
import type { OverlayScript } from './overlay-types.ts';
import { importOffline } from './pagefind-load.ts';

/** Fetches the overlay (same origin, or another with CORS); a 404 page or any other non-JSON fails. */
async function online(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error('it is not JSON');
  }
}

const api: OverlayScript = {
  async load(url) {
    // From file:// (the offline bundle, `npm run offline -- --overlay`) nothing can be fetched:
    // there the overlay is a classic script that registers its JSON under its own address.
    const data = readOverlay(await (url.startsWith('file:') ? importOffline(url) : online(url)));
    // Overlay entries have no page on the FAQ site: a result names the host page and the entry;
    // choosing it opens the entry inside the widget.
    const where = (id: string) => `${location.href.split('#')[0]}#pos-faq-${data.id}-${id}`;
    return { ...overlayViews(data), ...overlayRanker(data, where) };
  },
};

// Only a real script element: `document.currentScript` can be clobbered by an element so named.
const script = document.currentScript;
if (script instanceof HTMLScriptElement) script.dispatchEvent(new CustomEvent('pos-faq-data', { detail: api }));
