import type { APIRoute } from 'astro';
import { HTML_LANG } from '../../i18n/index.ts';
import { openSearch } from '../../lib/opensearch.ts';
import { localeParams } from '../../lib/paths.ts';
import type { Locale } from '../../schemas/faq.ts';

/** `/<lang>/opensearch.xml`: lets a browser's address bar search this language's guide. */
export const getStaticPaths = localeParams;

export const GET: APIRoute = ({ params }) => {
  const locale = params['lang'] as Locale;
  return new Response(openSearch(locale, HTML_LANG[locale]), { headers: { 'Content-Type': 'application/opensearchdescription+xml' } });
};
