import type { APIRoute } from 'astro';
import { catalogue } from '../../../lib/faq.ts';
import { entryMap } from '../../../lib/widget-entry.ts';
import { LOCALES, type Locale } from '../../../schemas/faq.ts';

/*
 * /widget/entry/zh.json and …/en.json: the ids and response codes the widget can open inside
 * itself (`entry`, `suggest`, `el.open()`). Under /widget/ for its CORS headers and short cache
 * (src/integrations/headers.ts), like the diagnosis tree.
 */
export const getStaticPaths = () => LOCALES.map((lang) => ({ params: { lang } }));

export const GET: APIRoute = ({ params }) => {
  const map = entryMap(catalogue().symptoms[params['lang'] as Locale]);
  return new Response(`${JSON.stringify(map)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
