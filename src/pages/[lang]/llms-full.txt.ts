import type { APIRoute } from 'astro';
import { catalogue } from '../../lib/faq.ts';
import { llmsFull } from '../../lib/llms.ts';
import { localeParams } from '../../lib/paths.ts';
import type { Locale } from '../../schemas/faq.ts';

/** `/<lang>/llms-full.txt`: every entry whole, as Markdown (see src/lib/llms.ts). */
export const getStaticPaths = localeParams;

export const GET: APIRoute = ({ params }) => {
  const locale = params['lang'] as Locale;
  return new Response(llmsFull(catalogue().symptoms[locale], locale), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
