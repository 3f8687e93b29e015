import { LOCALES } from '../schemas/faq.ts';

/** getStaticPaths for pages that exist once per language. */
export function localeParams() {
  return LOCALES.map((lang) => ({ params: { lang } }));
}
