import { asResult, entry, resolve, type Locale } from './entry-client.ts';
import type { LookupResult } from './search-client.ts';

/** What was already reported, so that each unknown id or code is reported once per page. */
const warned = new Set<string>();

/**
 * The `suggest` attribute's entries ("51,A0,paper-jam": ids or response codes) as the box lists
 * them before anything is typed, in the attribute's order, each once. An id or code the site does
 * not have gets one `[pos-faq]` console warning and is left out.
 */
export async function suggestions(site: string, locale: Locale, list: string): Promise<LookupResult[]> {
  const wanted = list.split(',').map((s) => s.trim()).filter(Boolean);
  const ids = await Promise.all(wanted.map((w) => resolve(site, locale, w)));
  ids.forEach((id, i) => {
    const name = wanted[i]!;
    if (id || warned.has(name)) return;
    warned.add(name);
    try {
      console.warn(`[pos-faq] suggest: the site has no entry or response code "${name}"; it is left out`);
    } catch {
      // A host console that throws must not reach the host page.
    }
  });
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  return (await Promise.all(unique.map((id) => entry(site, locale, id)))).map(asResult);
}
