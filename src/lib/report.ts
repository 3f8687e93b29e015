/**
 * The "report a mistake" address of an entry page: REPORT_URL, set at build time, with `{id}` and
 * `{lang}` filled in (URL-encoded), e.g. `https://git.example.com/org/pos-faq/issues/new?title={lang}%20{id}`.
 * Without REPORT_URL the pages carry no such link.
 */
export function reportUrl(id: string, lang: string, template = process.env['REPORT_URL']): string | undefined {
  if (!template) return undefined;
  return template.replaceAll('{id}', encodeURIComponent(id)).replaceAll('{lang}', encodeURIComponent(lang));
}
