import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync, globSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { LOCALES } from '../schemas/faq.ts';
import { HTML_LANG } from '../i18n/index.ts';
import { foldMap, indexedText, wordsData } from '../lib/search-data.ts';

/** Where `astro dev` finds the index of the last build. */
const LAST_BUILD = resolve(process.env['POS_FAQ_OUT'] ?? 'dist', 'pagefind');

/**
 * Builds one Pagefind bundle per language, `dist/pagefind/zh/` and `dist/pagefind/en/`.
 * Separate bundles, rather than Pagefind's one multilingual bundle, let the lookup choose its
 * index by its own `lang` attribute: Pagefind would otherwise pick the index from the host
 * page's `<html lang>` (Pagefind issues #593, #234), which on a vendor's site is anything.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'pos-faq:pagefind',
    hooks: {
      // Pagefind indexes built pages, so `astro dev` has no index of its own: it serves the one
      // from the last `npm run build`, and says so once when there is none.
      'astro:server:setup': ({ server, logger }) => {
        let warned = false;
        server.middlewares.use('/pagefind/', (req, res, next) => {
          const file = normalize(join(LAST_BUILD, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
          if (!file.startsWith(LAST_BUILD) || !existsSync(file) || !statSync(file).isFile()) {
            if (!warned && !existsSync(LAST_BUILD)) {
              warned = true;
              logger.warn('the lookup has no index in dev until `npm run build` has written dist/pagefind/');
            }
            return next();
          }
          res.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
          res.end(readFileSync(file));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        for (const locale of LOCALES) {
          const pages = await indexLocale(root, locale);
          const data = writeSearchData(root, locale);
          logger.info(`indexed ${pages} ${locale} pages into pagefind/${locale}/ (${data})`);
        }
        await pagefind.close();
      },
    },
  };
}

/** Indexes one language's pages; any Pagefind error fails the build. */
export async function indexLocale(root: string, locale: (typeof LOCALES)[number]): Promise<number> {
  const fail = (step: string, errors: string[]) => {
    throw new Error(`Pagefind could not ${step} for ${locale}:\n${errors.join('\n')}`, {
      cause: errors,
    });
  };
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: HTML_LANG[locale].toLowerCase(),
    // Codes such as "A0" and messages with punctuation stay searchable as typed.
    includeCharacters: '-',
  });
  if (!index || errors.length) return fail('start', errors);
  const added = await index.addDirectory({ path: root, glob: `${locale}/**/*.html` });
  if (added.errors.length) fail('index the pages', added.errors);
  if (added.page_count === 0) fail('find pages', [`no pages with data-pagefind-body under ${root}${locale}/`]);
  const written = await index.writeFiles({ outputPath: join(root, 'pagefind', locale) });
  if (written.errors.length) fail('write the index', written.errors);
  await index.deleteIndex();
  return added.page_count;
}

/**
 * Writes what the lookup reads next to the index (src/lib/search-data.ts): `pos-faq-fold.json`,
 * the Traditional → Simplified map it loads with the index, and `pos-faq-words.json`, the
 * vocabulary it loads only to correct a typo or where the browser has no Intl.Segmenter. Both come
 * from the text Pagefind indexed, so they hold nothing the index does not.
 */
export function writeSearchData(root: string, locale: (typeof LOCALES)[number]): string {
  const text = globSync(`${locale}/**/*.html`, { cwd: root })
    .sort()
    .map((file) => indexedText(readFileSync(join(root, file), 'utf8')))
    .join(' ');
  const fold = foldMap(text);
  const words = wordsData(text, locale);
  const dir = join(root, 'pagefind', locale);
  writeFileSync(join(dir, 'pos-faq-fold.json'), JSON.stringify(fold));
  writeFileSync(join(dir, 'pos-faq-words.json'), JSON.stringify(words));
  return `${Object.keys(fold).length} folds, ${words.words.length} words`;
}
