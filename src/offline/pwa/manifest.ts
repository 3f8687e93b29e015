import { HTML_LANG, t } from '../../i18n/index.ts';
import type { Locale } from '../../schemas/faq.ts';

/** Where each language's web app manifest is written, from the site root. */
export const manifestFile = (locale: Locale) => `app/${locale}.webmanifest`;

/**
 * The header's background in the light and the dark palette (src/styles/site.css, --surface):
 * the browser's own bar takes this colour, so it runs on into the page. The manifest holds one
 * colour, the light one; the pages give both with `<meta name="theme-color" media=…>`.
 */
export const THEME = { light: '#ffffff', dark: '#1a2027' } as const;
/** The page background (--bg), which the splash screen shows while the app starts. */
const BACKGROUND = '#f7f8fa';

/**
 * One web app per language: "Add to home screen" on a Chinese page installs the Chinese guide,
 * which opens at /zh/. Both cover the whole site (scope /), so switching language stays inside
 * the app; `id` tells the two apart.
 */
export function webManifest(locale: Locale): Record<string, unknown> {
  return {
    id: `/${locale}/`,
    name: t(locale, 'site.name'),
    short_name: t(locale, 'app.shortName'),
    description: t(locale, 'site.description'),
    lang: HTML_LANG[locale],
    dir: 'ltr',
    start_url: `/${locale}/`,
    scope: '/',
    display: 'standalone',
    background_color: BACKGROUND,
    theme_color: THEME.light,
    icons: [
      { src: '/app/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/app/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/app/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
