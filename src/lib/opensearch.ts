import { t } from '../i18n/index.ts';
import type { Locale } from '../schemas/faq.ts';
import { SITE_URL } from '../site.config.ts';

/** The OpenSearch description of a language: the browser's address bar searches the results page. */
export function openSearch(locale: Locale, lang: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  // ShortName: at most 16 characters, by the specification.
  const name = t(locale, 'site.name');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">',
    `  <ShortName>${esc([...name].slice(0, 16).join(''))}</ShortName>`,
    `  <Description>${esc(t(locale, 'site.description'))}</Description>`,
    `  <Language>${esc(lang)}</Language>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    `  <Image width="16" height="16" type="image/svg+xml">${esc(`${SITE_URL}/favicon.svg`)}</Image>`,
    `  <Url type="text/html" method="get" template="${esc(`${SITE_URL}/${locale}/search/?q={searchTerms}`)}"/>`,
    `  <Url type="application/opensearchdescription+xml" rel="self" template="${esc(`${SITE_URL}/${locale}/opensearch.xml`)}"/>`,
    `  <moz:SearchForm>${esc(`${SITE_URL}/${locale}/search/`)}</moz:SearchForm>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}
