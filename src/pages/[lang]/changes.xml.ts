import type { APIRoute } from 'astro';
import { changesFeed } from '../../lib/changes.ts';
import { catalogue } from '../../lib/faq.ts';
import { localeParams } from '../../lib/paths.ts';
import type { Locale } from '../../schemas/faq.ts';

/** `/<lang>/changes.xml`: the Atom feed of changes readers must know, newest first. */
export const getStaticPaths = localeParams;

export const GET: APIRoute = ({ params }) => {
  const locale = params['lang'] as Locale;
  return new Response(changesFeed(catalogue().symptoms[locale], locale), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
