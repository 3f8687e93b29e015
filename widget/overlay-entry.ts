import { compactCode } from '../src/lib/codes.ts';
import type { ShownOverlay as OverlayFile } from './overlay-data.ts';
import type { Overlay } from './overlay-types.ts';

// Part of the overlay code (widget/overlay.ts), so that widgets without an overlay never load it;
// the views chunk's entry view calls it through the Lookup's `overlay` prop.

/** The entry view's side of an overlay: its entries (which have no page on the FAQ site) and its model notes. */
export function overlayViews(data: OverlayFile): Pick<Overlay, 'name' | 'idFor' | 'entry' | 'notes'> {
  return {
    name: (locale) => data.name[locale],
    idFor(locale, idOrCode) {
      const text = String(idOrCode ?? '').trim();
      const code = compactCode(text);
      return data[locale].entries.find((e) => e.id === text || e.codes.some((c) => compactCode(c) === code))?.id;
    },
    async entry(locale, id, title) {
      const mine = data[locale].entries;
      const e = mine.find((x) => x.id === id);
      if (!e) return null;
      const related = await Promise.all(
        e.related.map(async (rid) => ({ id: rid, title: mine.find((x) => x.id === rid)?.title ?? (await title(rid)) })),
      );
      const { title: t, summary, actors, codes, messages, steps, avoid, escalate } = e;
      return { version: 1, id, url: '', title: t, summary, actors, codes, messages, steps, avoid, escalate, related };
    },
    notes: (locale, id) => data[locale].notes.filter((n) => n.id === id),
  };
}

