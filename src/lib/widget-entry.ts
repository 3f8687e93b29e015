import type { Locale } from '../schemas/faq.ts';
import { normaliseCode } from './codes.ts';

// The entries as the widget shows them inside itself (widget/EntryView.tsx), built at build
// time from faq/: one small JSON file per entry per language, fetched when the entry is first
// opened, and one map per language that turns a response code into its entry.

/** What an entry's JSON holds: everything its page says that a merchant acts on. */
export interface EntryData {
  version: 1;
  id: string;
  /** The entry's own page as a site path, `/zh/symptoms/<id>/`. */
  url: string;
  title: string;
  summary: string;
  /** Who acts, the main one first: merchant, cardholder, acquirer, vendor or wait. */
  actors: string[];
  codes: string[];
  messages: string[];
  steps: string[];
  avoid: string[];
  escalate: { when: string; to: string };
  related: { id: string; title: string }[];
}

/** `widget/entry/<lang>.json`: which ids exist and which entry explains each response code. */
export interface EntryMap {
  version: 1;
  ids: string[];
  codes: Record<string, string>;
}

interface Source {
  id: string;
  title: string;
  summary: string;
  actors: readonly string[];
  codes: readonly string[];
  messages: readonly string[];
  steps: readonly string[];
  avoid: readonly string[];
  escalate: { when: string; to: string };
  related: readonly string[];
}

/** One entry's JSON; `find` gives another entry of the same language (for related titles). */
export function entryData(locale: Locale, entry: Source, find: (id: string) => { title: string }): EntryData {
  return {
    version: 1,
    id: entry.id,
    url: `/${locale}/symptoms/${entry.id}/`,
    title: entry.title,
    summary: entry.summary,
    actors: [...entry.actors],
    codes: [...entry.codes],
    messages: [...entry.messages],
    steps: [...entry.steps],
    avoid: [...entry.avoid],
    escalate: { ...entry.escalate },
    related: entry.related.map((id) => ({ id, title: find(id).title })),
  };
}

/** A language's map of ids and codes; a code two entries share goes to the first that claims it. */
export function entryMap(entries: readonly { id: string; codes: readonly string[] }[]): EntryMap {
  const codes: Record<string, string> = {};
  for (const e of entries) for (const code of e.codes) codes[code] ??= e.id;
  return { version: 1, ids: entries.map((e) => e.id), codes };
}

/**
 * The entry an id or a response code names in a map ("51", "code 51", "a0" and "paper-jam" all
 * work), or null. The widget calls this for `entry`, `suggest` and `el.open()`.
 */
export function resolveEntry(map: EntryMap, idOrCode: string): string | null {
  const text = String(idOrCode ?? '').trim();
  if (map.ids.includes(text)) return text;
  const code = normaliseCode(text);
  return (code && map.codes[code]) || null;
}
