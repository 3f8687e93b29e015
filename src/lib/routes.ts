import { TOPICS, type Locale } from '../schemas/faq.ts';

/**
 * Language-less paths of every page, used to check links written in content. `diagnose` holds
 * the question pages of the guided diagnosis beyond its front page (see diagnosePaths).
 */
export function sitePaths(symptomIds: readonly string[], diagnose: readonly string[] = []): Set<string> {
  return new Set([
    '/',
    '/symptoms/',
    '/codes/',
    '/embed/',
    '/diagnose/',
    '/glossary/',
    '/card/',
    ...diagnose,
    ...TOPICS.map((t) => `/${t}/`),
    ...symptomIds.map((id) => `/symptoms/${id}/`),
  ]);
}

/** The site path of a page in a language: `localePath('zh', '/codes/')` is `/zh/codes/`. */
export function localePath(locale: Locale, path: string): string {
  return `/${locale}${path}`;
}

/** The same page in the other language, given the current pathname. */
export function switchLocale(pathname: string, to: Locale): string {
  return pathname.replace(/^\/(zh|en)(?=\/|$)/, `/${to}`);
}
