import type { APIRoute } from 'astro';
import { catalogue, symptom } from '../../../../lib/faq.ts';
import { entryData } from '../../../../lib/widget-entry.ts';
import { LOCALES, type Locale } from '../../../../schemas/faq.ts';

/*
 * /widget/entry/<lang>/<id>.json: one entry as the widget shows it inside itself, fetched when
 * someone first opens it there (about 1 KB gzip each).
 */
export const getStaticPaths = () =>
  LOCALES.flatMap((lang) => catalogue().symptoms[lang].map((s) => ({ params: { lang, id: s.id } })));

export const GET: APIRoute = ({ params }) => {
  const locale = params['lang'] as Locale;
  const data = entryData(locale, symptom(locale, params['id']!), (id) => symptom(locale, id));
  return new Response(`${JSON.stringify(data)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
