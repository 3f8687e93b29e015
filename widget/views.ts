/**
 * The views chunk: what the widget shows beyond the box, loaded when first needed
 * (views-loader.ts) so that the first script stays small: the entry view with its feedback, the
 * guided diagnosis, the `suggest` list and the resolution of ids and codes. Built as its own
 * classic script, `widget/pos-faq-views.<hash>.js` (src/integrations/widget.ts), on the first
 * script's Preact (shared.ts). It hands its views over in a `pos-faq-data` event on its own
 * <script> element while it runs, as the index's scripts do: nothing global.
 */
import { choose, diagnose, entry, open, suggest } from './inside.tsx';
import { notes } from './Notes.tsx';
import { chunkScript } from './shared.ts';
import css from './views.css';

const views = { entry, choose, open, diagnose, notes, suggest, css };
export type Views = typeof views;

chunkScript?.dispatchEvent(new CustomEvent('pos-faq-data', { detail: views }));
