import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { LOCALES } from '../schemas/faq.ts';
import { HTML_LANG } from '../i18n/index.ts';

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
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        for (const locale of LOCALES) {
          const pages = await indexLocale(root, locale);
          logger.info(`indexed ${pages} ${locale} pages into pagefind/${locale}/`);
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
