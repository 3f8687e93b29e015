import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { LOCALES, type Locale } from '../schemas/faq.ts';
import {
  OVERLAY_FORMAT,
  PROTECTED_FIELDS,
  modelNoteSchema,
  overlayEntrySchema,
  overlayManifestSchema,
  type OverlayFile,
} from '../schemas/overlay.ts';
import type { Catalogue } from './catalogue-types.ts';
import { checkPolicy, checkSymptoms } from './catalogue-checks.ts';
import { ContentError, type Problem } from './content-error.ts';
import { readFile, readFiles, validate } from './content-files.ts';
import { checkAgainstShared, checkNoHtml, checkNotes, type NoteSource } from './overlay-checks.ts';
import { readSymptoms } from './symptom-files.ts';
import { checkStyle } from './style-checks.ts';

/**
 * Reads and checks a vendor overlay (README, "Vendor overlays") against the shared catalogue:
 * the catalogue's own rules for its entries (file, field and fix; both languages; related ids
 * in the overlay or the catalogue), and the overlay's (overlay-checks.ts). Throws a ContentError
 * that lists every problem; returns what `overlay.json` holds otherwise.
 *
 * @param folder The overlay's folder, with `overlay.yaml`, `symptoms/` and optionally `extends/`.
 * @param shared The shared catalogue, as loadCatalogue gives it.
 */
export function loadOverlay(folder: string, shared: Catalogue, cwd = process.cwd()): OverlayFile {
  const problems: Problem[] = [];
  const rel = (p: string) => relative(cwd, p) || p;
  const checkText = (value: unknown, file: string) => {
    checkNoHtml(value, file, problems);
  };

  const manifestPath = join(folder, 'overlay.yaml');
  let manifest;
  if (!existsSync(manifestPath)) {
    problems.push({
      file: rel(manifestPath),
      field: '-',
      message: "the overlay's overlay.yaml is missing",
      fix: `write ${rel(manifestPath)} with the overlay's id and its name in each language (see README, "Vendor overlays")`,
    });
  } else {
    const raw = readFile(manifestPath, '.yaml', rel, problems);
    if (raw) {
      checkText(raw.data, raw.file);
      checkPolicy(raw.data, raw.file, problems);
      manifest = validate(overlayManifestSchema, raw, problems);
    }
  }

  const { symptoms, present } = readSymptoms(folder, overlayEntrySchema, rel, problems, (raw) =>
    checkText(raw.data, raw.file),
  );
  checkSymptoms(symptoms, present, problems, (locale, id) => shared.symptoms[locale].some((s) => s.id === id));
  checkAgainstShared(symptoms, shared, problems);
  // The shared catalogue's house style holds for a vendor's entries too (faq/README.md).
  checkStyle(symptoms, { zh: [], en: [] }, problems);

  const notes: NoteSource[] = [];
  for (const locale of LOCALES) {
    for (const raw of readFiles(join(folder, 'extends', locale), '.yaml', rel, problems)) {
      checkText(raw.data, raw.file);
      checkPolicy(raw.data, raw.file, problems);
      // Fields of the shared entry get their own message from checkNotes, not a second one here.
      const data =
        raw.data && typeof raw.data === 'object'
          ? Object.fromEntries(Object.entries(raw.data).filter(([k]) => !PROTECTED_FIELDS.includes(k)))
          : raw.data;
      notes.push({ locale, file: raw.file, id: raw.name, raw: raw.data, note: validate(modelNoteSchema, { ...raw, data }, problems) });
    }
  }
  checkNotes(notes, shared, problems);

  if (!present.size && !notes.length) {
    problems.push({
      file: rel(join(folder, 'symptoms')),
      field: '-',
      message: 'the overlay has no entries and no model notes',
      fix: `write an entry in ${rel(join(folder, 'symptoms', 'zh'))}/ and ${rel(join(folder, 'symptoms', 'en'))}/, in the format of faq/README.md`,
    });
  }

  if (problems.length || !manifest) throw new ContentError(problems, `the overlay ${rel(folder) || '.'}`);
  const language = (locale: Locale) => ({
    // Without the loader's own fields (the file it came from).
    entries: symptoms[locale].map(({ locale: _l, file: _f, ...entry }) => entry),
    notes: notes.flatMap((n) => (n.locale === locale && n.note ? [{ id: n.id, ...n.note }] : [])),
  });
  return { version: OVERLAY_FORMAT, id: manifest.id, name: manifest.name, zh: language('zh'), en: language('en') };
}

/** The overlay as the JSON file a vendor hosts next to its page: compact, one line. */
export function overlayJson(overlay: OverlayFile): string {
  return `${JSON.stringify(overlay)}\n`;
}

/** Writes `overlay.json` (or `out`), its folder made if needed; returns the path and the size in bytes. */
export function writeOverlay(overlay: OverlayFile, out: string): { file: string; bytes: number } {
  const json = overlayJson(overlay);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  return { file: out, bytes: Buffer.byteLength(json) };
}
