import type { OverlayEntry, OverlayFile, PublishedNote } from '../src/schemas/overlay.ts';

// A vendor overlay's JSON, checked again where it is used: the file is the vendor's, served from
// the vendor's site, and may be hand-edited, stale or not an overlay at all. Zod (which checked it
// when `npm run overlay` wrote it, src/schemas/overlay.ts) would weigh more than the rest of the
// overlay's code; this check reads the same shapes from the types derived from those schemas, so
// a field added there fails to compile here until it is checked.

/** How a field is checked: a piece of text, a list of texts, or the escalation's pair of texts. */
/**
 * An overlay entry as the widget uses it: every field but `changes` (the record of changes a
 * reader must know about, which the entry pages show and the widget's entry view does not).
 */
export type ShownEntry = Omit<OverlayEntry, 'changes'>;
/** An overlay file with its entries as the widget uses them. */
export type ShownOverlay = Omit<OverlayFile, 'zh' | 'en'> & Record<'zh' | 'en', { entries: ShownEntry[]; notes: PublishedNote[] }>;

type Kind<T> = T extends string ? 'text' : T extends readonly string[] ? 'list' : 'pair';
type Spec<T> = { readonly [K in keyof T]-?: Kind<T[K]> };

const ENTRY: Spec<ShownEntry> = {
  id: 'text',
  title: 'text',
  summary: 'text',
  category: 'text',
  actors: 'list',
  reviewed: 'text',
  messages: 'list',
  codes: 'list',
  aliases: 'list',
  causes: 'list',
  steps: 'list',
  escalate: 'pair',
  avoid: 'list',
  related: 'list',
};
const NOTE: Spec<PublishedNote> = { id: 'text', reviewed: 'text', steps: 'list', models: 'list' };
const PAIR: Spec<ShownEntry['escalate']> = { when: 'text', to: 'text' };
const NAME: Spec<OverlayFile['name']> = { zh: 'text', en: 'text' };

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Checks `value` against a spec and returns a copy with exactly its fields; throws naming the first bad field. */
function read<T>(value: unknown, spec: Spec<T>, at: string): T {
  if (!isObject(value)) throw new Error(`${at} is not a set of fields`);
  const out: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(spec) as [string, string][]) {
    const v = value[key];
    const where = `${at}.${key}`;
    if (kind === 'text') {
      if (!isText(v)) throw new Error(`${where} is not text`);
      out[key] = v;
    } else if (kind === 'list') {
      if (!Array.isArray(v) || !v.every(isText)) throw new Error(`${where} is not a list of texts`);
      out[key] = [...v];
    } else out[key] = read(v, PAIR, where);
  }
  return out as T;
}

/**
 * The overlay in `raw` (parsed JSON), checked: version 1, an id, the name and both languages'
 * entries and notes with every field of the right kind, and at least one step per entry and note.
 * Throws an Error that names the first field at fault. Text stays text: the widget renders it
 * as text nodes, never as markup.
 */
export function readOverlay(raw: unknown): ShownOverlay {
  if (!isObject(raw)) throw new Error('it is not an overlay (not a JSON object)');
  if (raw['version'] !== 1) throw new Error(`it has version ${JSON.stringify(raw['version'])}; this widget reads version 1`);
  const id = raw['id'];
  if (!isText(id) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error('id is not an overlay id');
  const language = (lang: 'zh' | 'en') => {
    const part = raw[lang];
    if (!isObject(part) || !Array.isArray(part['entries']) || !Array.isArray(part['notes'])) {
      throw new Error(`${lang} has no entries and notes`);
    }
    const entries = part['entries'].map((e, i) => read(e, ENTRY, `${lang}.entries.${i}`));
    const notes = part['notes'].map((n, i) => read(n, NOTE, `${lang}.notes.${i}`));
    for (const [i, item] of [...entries, ...notes].entries()) {
      if (!item.steps.length) throw new Error(`${lang}: item ${i} has no steps`);
    }
    return { entries, notes };
  };
  return { version: 1, id, name: read(raw['name'], NAME, 'name'), zh: language('zh'), en: language('en') };
}
