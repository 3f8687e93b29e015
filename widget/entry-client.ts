import { resolveEntry, type EntryData, type EntryMap } from '../src/lib/widget-entry.ts';
import { LookupError, safeUrl } from './shared.ts';
import type { LookupResult } from './search-client.ts';

// The entries the widget opens inside itself, from the FAQ site's widget/entry/ folder (built by
// src/pages/widget/entry/): one map per language (ids and response codes), one file per entry,
// each loaded once per page. From file:// (the offline bundle) fetch does not work: there each
// file is a classic script next to where the JSON would be (src/offline/zip/entries.ts), which
// registers its data under its own address, as the diagnosis tree does.

const loads = new Map<string, Promise<unknown>>();

/** Loads one data file, once; a failed load is forgotten so that the next try loads again. */
function load<T>(url: string): Promise<T> {
  let pending = loads.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = (url.startsWith('file:') ? offline<T>(url.replace(/\.json$/, '.js')) : fetched<T>(url)).catch(
      (error: unknown) => {
        loads.delete(url);
        throw new LookupError('network', `could not load ${url} (blocked by CORS, CSP or the network)`, error);
      },
    );
    loads.set(url, pending);
  }
  return pending;
}

const fetched = <T>(url: string): Promise<T> =>
  fetch(url).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json() as Promise<T>;
  });

function offline<T>(src: string): Promise<T> {
  const registry = () => (globalThis as { posFaqOffline?: Record<string, T> }).posFaqOffline;
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      const data = registry()?.[script.src];
      if (data) resolve(data);
      else reject(new Error(`${src} registered nothing`));
    };
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

/** `zh` or `en`: the site's folder for a widget language. */
export type Locale = 'zh' | 'en';

/** The entry an id or a response code names, or null when the site has no such entry. */
export const resolve = (site: string, locale: Locale, idOrCode: string): Promise<string | null> =>
  load<EntryMap>(`${site}widget/entry/${locale}.json`).then((map) => resolveEntry(map, idOrCode));

/** One entry's data, its page's address resolved against the site. */
export const entry = (site: string, locale: Locale, id: string): Promise<EntryData> =>
  load<EntryData>(`${site}widget/entry/${locale}/${encodeURIComponent(id)}.json`).then((data) => ({
    ...data,
    url: safeUrl(data.url.replace(/^\//, ''), site) ?? '',
  }));

/** An entry as the box lists it: the shape of a lookup result (title, who acts, first step). */
export const asResult = (data: EntryData): LookupResult => ({
  id: data.id,
  url: data.url,
  title: data.title,
  summary: data.summary,
  actor: data.actors[0] ?? '',
  codes: data.codes,
  step: data.steps[0] ?? '',
});
