import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LOCALES, type Locale } from '../../schemas/faq.ts';

/**
 * Which built files the service worker stores, and when (see README, "On a phone, offline").
 *
 * - The shell, precached on the first visit: for each language its home, catalogue, response
 *   codes, the whole guided diagnosis, the glossary and quick card when the site has them, the
 *   search results page, and the offline page; the language chooser; every stylesheet and script; the widget and its
 *   diagnosis trees; Pagefind's runtime, WebAssembly and the whole index of each language
 *   (fragments included, so results show their titles and excerpts offline); icons, manifests.
 * - Every other page of a language, stored when it is opened, or all at once by "Save for
 *   offline use" (`pages()` lists them, with their sizes).
 */
export const SHELL_PAGES = ['', 'symptoms/', 'codes/', 'diagnose/', 'glossary/', 'card/', 'search/', 'offline/'];

/** The language's offline page, served for a page that is not stored. */
export const OFFLINE_PAGE = 'offline/';

/** Glob patterns (relative to dist/) of the shell: what `getManifest` precaches. */
export function shellPatterns(dist: string): string[] {
  const pages = LOCALES.flatMap((lang) =>
    SHELL_PAGES.flatMap((page) => {
      if (page === 'diagnose/') return [`${lang}/diagnose/**/index.html`];
      return existsSync(join(dist, lang, page, 'index.html')) ? [`${lang}/${page}index.html`] : [];
    }),
  );
  const search = LOCALES.flatMap((lang) => [
    `pagefind/${lang}/pagefind.js`,
    `pagefind/${lang}/pagefind-entry.json`,
    `pagefind/${lang}/wasm.*.pagefind`,
    `pagefind/${lang}/*.pf_meta`,
    `pagefind/${lang}/{index,fragment,filter}/*`,
    // The lookup's own data next to the index: the Traditional fold and the typo vocabulary.
    `pagefind/${lang}/pos-faq-*.js`,
  ]);
  return [
    'index.html',
    ...pages,
    '_astro/*.{css,js}',
    'widget/pos-faq.js',
    // Its views chunk: the site's lookup loads it for the diagnosis and the notes under results.
    'widget/pos-faq-views.*.js',
    'widget/diagnose/*.json',
    'favicon.svg',
    'app/*',
    ...search,
  ];
}

/** A built page as "Save for offline use" lists it. */
export interface SavedPage {
  /** The site path, `/zh/symptoms/no-signal/`. */
  url: string;
  title: string;
  /** Size of the HTML as stored (uncompressed), for "about 0.7 MB". */
  bytes: number;
}

/** Every page of each language, but the shell's pages (already stored) and the offline page. */
export function pages(dist: string, shell: ReadonlySet<string>): Record<Locale, SavedPage[]> {
  const out = {} as Record<Locale, SavedPage[]>;
  for (const lang of LOCALES) {
    out[lang] = listFiles(join(dist, lang))
      .filter((file) => file.endsWith('index.html'))
      .map((file) => `/${lang}/${file.slice(0, -'index.html'.length)}`)
      .filter((url) => !shell.has(url) && url !== `/${lang}/${OFFLINE_PAGE}`)
      .sort()
      .map((url) => {
        const file = join(dist, url, 'index.html');
        const html = readFileSync(file, 'utf8');
        const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? url;
        return { url, title: decodeEntities(title), bytes: statSync(file).size };
      });
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}

export function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(root, full) : [relative(root, full).split(sep).join('/')];
  });
}
