import { z } from 'astro/zod';
import { symptomSchema, text } from './faq.ts';

// A vendor overlay: a vendor's own error codes and model notes on top of the shared catalogue
// (README, "Vendor overlays"). Every shape is derived from the shared entry schema, so an overlay
// entry is exactly a catalogue entry except for what its codes may be.

/** An overlay's id, also the word a merchant may type before a code ("acme e101"). */
export const overlayIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens, like "acme"')
  .max(30, 'must be at most 30 characters');

/**
 * A vendor's own error code as the terminal shows it: 1 to 10 letters, digits or hyphens, such as
 * "E101" or "ERR-3". Replaces the shared two-character rule; the checker (src/lib/overlay.ts) refuses
 * a code the shared table already has.
 */
export const vendorCode = z
  .string()
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,8}[A-Za-z0-9])?$/,
    'must be the code as the terminal shows it: 1 to 10 letters, digits or hyphens, quoted, like "E101" or "ERR-3"',
  );

/** `overlay.yaml`: who the overlay is from. */
export const overlayManifestSchema = z.strictObject({
  id: overlayIdSchema,
  /** The vendor's name as readers of each language know it; shown next to its entries. */
  name: z.strictObject({ zh: text(60), en: text(60) }),
});
export type OverlayManifest = z.output<typeof overlayManifestSchema>;

/** `symptoms/<lang>/<id>.yaml` in an overlay: a catalogue entry whose codes are the vendor's own. */
export const overlayEntrySchema = symptomSchema.extend({
  codes: z.array(vendorCode).default([]),
});
export type OverlayEntry = z.output<typeof overlayEntrySchema>;

/**
 * `extends/<lang>/<shared-id>.yaml`: notes for some of the vendor's models, shown after the
 * shared entry's steps. Only steps can be added: the shared summary, causes and "what not to do"
 * stay as the catalogue has them.
 */
export const modelNoteSchema = symptomSchema.pick({ reviewed: true, steps: true }).extend({
  /** The models the steps are for, as printed on the terminal ("A8", "A8 Pro"). */
  models: z.array(text(40)).min(1, 'needs at least one model'),
});
export type ModelNote = z.output<typeof modelNoteSchema>;

/** The fields of a shared entry that an extends file would like to change, and may not. */
export const PROTECTED_FIELDS = Object.keys(symptomSchema.shape).filter((k) => !(k in modelNoteSchema.shape));

/** A model note as published: the shared entry it extends, then the note. */
export const publishedNoteSchema = modelNoteSchema.extend({ id: symptomSchema.shape.id });
export type PublishedNote = z.output<typeof publishedNoteSchema>;

/** Everything an overlay publishes in one language. */
const languageSchema = z.strictObject({
  entries: z.array(overlayEntrySchema),
  notes: z.array(publishedNoteSchema),
});

/**
 * `overlay.json`, what `npm run overlay` writes and the widget reads (`overlay="<url>"`): both
 * languages' entries in full (the results show title, codes and first step; the entry view the
 * rest) and the model notes. The widget checks it again at run time (widget/overlay-data.ts).
 */
export const overlayFileSchema = z.strictObject({
  /** The format's version; the widget refuses any other. */
  version: z.literal(1),
  id: overlayIdSchema,
  name: overlayManifestSchema.shape.name,
  zh: languageSchema,
  en: languageSchema,
});
export type OverlayFile = z.output<typeof overlayFileSchema>;

/** The JSON format's version (`version` in overlay.json). */
export const OVERLAY_FORMAT = 1;
