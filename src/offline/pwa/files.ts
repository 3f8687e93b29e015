import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LOCALES, type Locale } from '../../schemas/faq.ts';

/**
 * Which built files the service worker stores, and when (see README, "On a phone, offline").
 *
 * - The shell, in groups: `common` (the language chooser, every stylesheet and script, the
 *   widget, icons, manifests) and one per language (its home, catalogue, response codes, the
 *   whole guided diagnosis, the glossary and quick card when the site has them, the search
 *   results page, the offline page, the widget's diagnosis tree, and Pagefind's runtime,
 *   WebAssembly and the whole index, fragments included, so results show titles and excerpts
 *   offline). Nothing of it is fetched while a page loads: a language's group (with `common`)
 *   is precached once its page is idle or its lookup has answered, and only the languages
 *   visited (client.ts decides when; never under Save-Data before a search or a save).
 * - Every other page of a language, stored when it is opened, or all at once by "Save for
 *   offline use" (`pages()` lists them, with their sizes).
 */
export const SHELL_PAGES = ['', 'symptoms/', 'codes/', 'diagnose/', 'glossary/', 'card/', 'search/', 'offline/'];

/** The language's offline page, served for a page that is not stored. */
export const OFFLINE_PAGE = 'offline/';

/** A group of the shell: what the worker precaches together, `common` with each language. */
export type ShellGroup = 'common' | Locale;
export const SHELL_GROUPS: readonly ShellGroup[] = ['common', ...LOCALES];

/** Glob patterns (relative to dist/) of each group of the shell: what `getManifest` precaches. */
export function shellPatterns(dist: string): Record<ShellGroup, string[]> {
  const language = (lang: Locale) => [
    ...SHELL_PAGES.flatMap((page) => {
      if (page === 'diagnose/') return [`${lang}/diagnose/**/index.html`];
      return existsSync(join(dist, lang, page, 'index.html')) ? [`${lang}/${page}index.html`] : [];
    }),
    `widget/diagnose/${lang}.json`,
    `pagefind/${lang}/pagefind.js`,
    `pagefind/${lang}/pagefind-entry.json`,
    `pagefind/${lang}/wasm.*.pagefind`,
    `pagefind/${lang}/*.pf_meta`,
    `pagefind/${lang}/{index,fragment,filter}/*`,
    // The lookup's own data next to the index: the Traditional fold and the typo vocabulary.
    `pagefind/${lang}/pos-faq-*.js`,
  ];
  // The widget's views chunk: the site's lookup loads it for the diagnosis and the notes under results.
  const common = ['index.html', '_astro/*.{css,js}', 'widget/pos-faq.js', 'widget/pos-faq-views.*.js', 'favicon.svg', 'app/*'];
  return Object.fromEntries([['common', common], ...LOCALES.map((lang) => [lang, language(lang)])]) as Record<ShellGroup, string[]>;
}

/** A built page as "Save for offline use" lists it. */
export interface SavedPage {
  /** The site path, `/zh/symptoms/no-signal/`. */
  url: string;
  title: string;
  /** Size of the HTML as stored (uncompressed), for "about 0.7 MB". */
  bytes: number;
}

/** Every page of each language, but the shell's pages (precached) and the offline page. */
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
