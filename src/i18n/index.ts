import type { Locale } from '../schemas/faq.ts';
import en from './en.ts';
import zh from './zh.ts';

export type UiKey = keyof typeof zh;

const strings: Record<Locale, Record<UiKey, string>> = { zh, en };

/** BCP 47 tags for `<html lang>`, hreflang and Pagefind. */
export const HTML_LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

/** Looks up an interface string; `{name}` placeholders are filled from `vars`. */
export function t(locale: Locale, key: UiKey, vars: Record<string, string | number> = {}): string {
  return strings[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'zh' ? 'en' : 'zh';
}
