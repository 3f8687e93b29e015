import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync, globSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import * as pagefind from 'pagefind';
import { LOCALES } from '../schemas/faq.ts';
import { HTML_LANG } from '../i18n/index.ts';
import { catalogue } from '../lib/faq.ts';
import { matchData } from '../lib/match-data.ts';
import { foldMap, indexedText, wordsData } from '../lib/search-data.ts';
import { asciiOnly, COMPILE_HINT, WIDGET_ENTRY, widgetBuildOptions } from './widget.ts';
import { indexFiles, patchRuntime } from './pagefind-runtime.ts';

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
        // Read by Pagefind's indexer when it starts, at the first createIndex below.
        const entries = globSync(`${LOCALES[0]}/symptoms/*/index.html`, { cwd: root }).length;
        process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= String(indexChunkSize(entries));
        // Pagefind indexes in a process of its own while this one writes the lookup's scripts: on
        // two cores the build waits for the longer of the two, not both. One language at a time:
        // Pagefind's service fails (with no message) when asked for two indexes at once.
        const indexed = (async () => {
          const pages: number[] = [];
          for (const locale of LOCALES) pages.push(await indexLocale(root, locale));
          return pages;
        })();
        // Its failure is reported below, once the scripts are written, not as an unhandled rejection.
        indexed.catch(() => {});
        const data: SearchScripts[] = [];
        for (const locale of LOCALES) data.push(await searchScripts(root, locale));
        // Written once Pagefind has written the folder they go in.
        const pages = await indexed;
        LOCALES.forEach((locale, i) => {
          const { files, summary } = data[i]!;
          for (const [name, text] of files) writeFileSync(join(root, 'pagefind', locale, name), text);
          logger.info(`indexed ${pages[i]} ${locale} pages into pagefind/${locale}/ (${summary})`);
        });
        await pagefind.close();
      },
    },
  };
}

/**
 * How many word locations Pagefind puts in one index chunk (its own default is 20,000). A search
 * downloads the chunks of its words, and every reader downloads the list of all chunks (the
 * metadata, about 16 bytes gzip per chunk) first. Pagefind's default makes the zh chunks 35 KB
 * each, so a two-word query cost 70 KB of index; chunks of about 1,000 locations cost 12 KB for
 * the same queries and 1.5 KB more of metadata (docs/benchmarks.md). The size grows with the
 * square root of the catalogue, which keeps the two costs in balance as it grows.
 *
 * Pagefind reads it from `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`, a setting it marks unstable: if a
 * version ignores it, the index is built with the default, and the chunk budget in
 * tests/site/budgets.test.ts fails.
 */
export function indexChunkSize(entries: number): number {
  return Math.min(20_000, Math.max(500, Math.round(100 * Math.sqrt(entries))));
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
  // Symptom entries only: the lookup answers with entries, so it needs no filter to leave other
  // pages out (a filter costs the first search one more request).
  const added = await index.addDirectory({ path: root, glob: `${locale}/symptoms/*/index.html` });
  if (added.errors.length) fail('index the pages', added.errors);
  if (added.page_count === 0) fail('find pages', [`no pages with data-pagefind-body under ${root}${locale}/symptoms/`]);
  const written = await index.writeFiles({ outputPath: join(root, 'pagefind', locale) });
  if (written.errors.length) fail('write the index', written.errors);
  await index.deleteIndex();
  await minifyRuntime(join(root, 'pagefind', locale, 'pagefind.js'));
  return added.page_count;
}

/**
 * Pagefind writes its runtime readable (47 KB, 13.2 KB gzip); minified it is 11.4 KB gzip, which
 * every reader's first lookup downloads. It is patched first (pagefind-runtime.ts: native gunzip,
 * no 50 ms poll). The offline bundle and the service worker take the file as it is after this step.
 */
async function minifyRuntime(file: string): Promise<void> {
  const entry = JSON.parse(readFileSync(join(dirname(file), 'pagefind-entry.json'), 'utf8')) as Parameters<typeof indexFiles>[0];
  const { code } = await esbuild.transform(patchRuntime(readFileSync(file, 'utf8'), file, indexFiles(entry)), {
    minify: true,
    format: 'esm',
    target: widgetBuildOptions().target!,
    logLevel: 'silent',
  });
  writeFileSync(file, `${COMPILE_HINT}\n${code}`);
}

/** The scripts of one language that go next to its index: file name and text, and a summary. */
export interface SearchScripts {
  files: [string, string][];
  summary: string;
}

/**
 * Makes what the lookup reads next to the index (src/lib/search-data.ts), as classic scripts
 * that hand their content to the widget (widget/search-client.ts, importScript), so that they load
 * the same way online and from file://:
 *
 * - `pos-faq-query.js`, the Traditional → Simplified map with the code that folds a query, the
 *   ranking on top of Pagefind's (widget/rank.ts, rankedSearch: out of the widget's 13 KB) and the
 *   measure of how well an entry answers one (coverage), loaded with the index;
 * - `pos-faq-words.js`, the vocabulary with the code that uses it (widget/query.ts), loaded only
 *   to correct a typo or where the browser has no Intl.Segmenter;
 * - `pos-faq-match.js`, each entry's texts in both languages with the code that reads a query by
 *   pairs of characters and by sound (widget/match.ts), loaded only for a query that Pagefind's
 *   words do not answer well.
 *
 * Both come from the text Pagefind indexed, so they hold nothing the index does not. Non-ASCII
 * is escaped, as in the widget, for host pages in other encodings.
 */
export async function searchScripts(root: string, locale: (typeof LOCALES)[number]): Promise<SearchScripts> {
  const text = globSync(`${locale}/**/*.html`, { cwd: root })
    .sort()
    .map((file) => indexedText(readFileSync(join(root, file), 'utf8')))
    .join(' ');
  const fold = foldMap(text);
  const words = wordsData(text, locale);
  const files: [string, string][] = [];
  // Hands the value to the widget in an event on the script's own element (search-client.ts,
  // importScript): no global on the host page.
  const register = (value: string) =>
    `document.currentScript.dispatchEvent(new CustomEvent("pos-faq-data",{detail:${value}}));`;
  const query = join(dirname(WIDGET_ENTRY), 'query.ts');
  const rank = join(dirname(WIDGET_ENTRY), 'rank.ts');
  const script = async (name: string, lines: string[], banner: string) => {
    const { outputFiles } = await esbuild.build({
      // Every import is an absolute path; the index's folder may not exist yet.
      stdin: { contents: lines.join('\n'), resolveDir: root, loader: 'js' },
      bundle: true,
      format: 'iife',
      minify: true,
      target: widgetBuildOptions().target!,
      legalComments: 'none',
      banner: { js: `${COMPILE_HINT}\n/* pos-faq: ${banner}, built with the index by src/integrations/pagefind.ts */` },
      write: false,
      logLevel: 'silent',
    });
    files.push([name, asciiOnly(outputFiles[0]!.text)]);
  };
  // Single characters of the map as one string: for each, in code point order, the step from the
  // previous character and the distance to its Simplified form, in base 36 ("3k.1y 5,2b"). Two
  // thirds of the gzip size of the same pairs as \u escapes, which an ASCII-only script needs.
  const singles = Object.entries(fold)
    .filter(([from]) => [...from].length === 1)
    .map(([from, to]) => [from.codePointAt(0)!, to.codePointAt(0)!] as const)
    .sort(([a], [b]) => a - b);
  const packed = singles
    .map(([from, to], i) => `${(from - (singles[i - 1]?.[0] ?? 0)).toString(36)}${to > from ? '.' : ','}${Math.abs(to - from).toString(36)}`)
    .join(' ');
  const phrases = Object.fromEntries(Object.entries(fold).filter(([from]) => [...from].length > 1));
  await script(
    'pos-faq-query.js',
    [
      `import { fold } from ${JSON.stringify(query)};`,
      `import { coverage, rankedSearch, searchOnce } from ${JSON.stringify(rank)};`,
      `const map = ${JSON.stringify(phrases)};`,
      `let c = 0;`,
      `for (const [, step, sign, by] of ${JSON.stringify(packed)}.matchAll(/(\\w+)([.,])(\\w+)/g)) {`,
      '  c += parseInt(step, 36);',
      "  map[String.fromCodePoint(c)] = String.fromCodePoint(c + (sign === '.' ? 1 : -1) * parseInt(by, 36));",
      '}',
      register('{ fold: (q) => fold(q, map), coverage, rank: rankedSearch, once: searchOnce }'),
    ],
    'Traditional to Simplified from OpenCC (Apache-2.0), limited to the characters of the index',
  );
  await script(
    'pos-faq-words.js',
    [
      `import { correct, dictionaryWords } from ${JSON.stringify(query)};`,
      `import { STOP } from ${JSON.stringify(rank)};`,
      `const data = ${JSON.stringify(words)};`,
      'const dict = new Set([...data.words, ...STOP]);',
      `${register(`{ correct: (q) => correct(q, ${JSON.stringify(HTML_LANG[locale])}, data), cut: (run) => dictionaryWords(run, dict) }`)}`,
    ],
    "the index's words, for typo correction and where Intl.Segmenter is missing",
  );
  const { symptoms } = catalogue();
  const other = LOCALES.find((l) => l !== locale)!;
  await script(
    'pos-faq-match.js',
    [
      `import { answer, matcher } from ${JSON.stringify(join(dirname(WIDGET_ENTRY), 'match.ts'))};`,
      `const match = matcher(${JSON.stringify(matchData(symptoms[locale], symptoms[other], locale))});`,
      register('(query, shown, limit) => answer(match, query, shown, limit)'),
    ],
    "each entry's texts in both languages and the pinyin of common characters (pinyin-pro, MIT), for queries Pagefind's words miss",
  );
  return { files, summary: `${Object.keys(fold).length} folds, ${words.words.length} words` };
}
