import type { APIRoute } from 'astro';
import { HTML_LANG } from '../../../i18n/index.ts';
import { describeDiagnosis, diagnoseData } from '../../../lib/diagnose.ts';
import { catalogue, symptom } from '../../../lib/faq.ts';
import { LOCALES, type Locale } from '../../../schemas/faq.ts';

/*
 * The diagnosis tree as JSON for the widget, at /widget/diagnose/zh.json and …/en.json. It sits
 * under /widget/ because the embed fetches it from other sites: that folder is already served
 * with CORS headers and a short cache (src/integrations/headers.ts).
 */
let reported = false;

export function getStaticPaths() {
  if (!reported) {
    reported = true;
    // The build log states the depth the issue asks to report.
    console.info(`[pos-faq:diagnose] ${describeDiagnosis(catalogue().diagnosis.zh, catalogue().symptoms.zh)}`);
  }
  return LOCALES.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = ({ params }) => {
  const locale = params['lang'] as Locale;
  const data = diagnoseData(catalogue().diagnosis[locale], HTML_LANG[locale], (id) => symptom(locale, id));
  return new Response(`${JSON.stringify(data)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
