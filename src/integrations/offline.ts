import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Element } from 'hast';
import { EXIT, visit } from 'unist-util-visit';
import { HTML_LANG, t } from '../i18n/index.ts';
import { buildInfo } from '../lib/build-info.ts';
import { fileForPath, pathForFile } from '../lib/offline-paths.ts';
import rehypeOfflineLinks from '../plugins/rehype-offline-links.ts';
import rehypeOfflineNotice, { type Notice } from '../plugins/rehype-offline-notice.ts';
import rehypeOfflineScripts from '../plugins/rehype-offline-scripts.ts';
import { LOCALES, type Locale } from '../schemas/faq.ts';
import { SITE_URL } from '../site.config.ts';
import { DIAGNOSE_JSON, diagnoseScriptFile, offlineDiagnoseScript } from './offline-diagnose.ts';
import { buildOfflineSearch, listFiles } from './offline-search.ts';
import { reproducibleZip } from './offline-zip.ts';
import { widgetBuildOptions } from './widget.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STYLESHEET = fileURLToPath(new URL('../styles/offline.css', import.meta.url));

/** The folder inside the zip, and next to it once unpacked: `offline/pos-faq/index.html`. */
export const BUNDLE_NAME = 'pos-faq';
export const ZIP_NAME = 'pos-faq-offline.zip';
/** Where the bundle's own stylesheet goes, from the bundle root. */
const STYLESHEET_FILE = 'offline.css';

export interface OfflineOptions {
  /** The built site; built first with `astro build` when it has no index.html. Default `dist/`. */
  dist?: string;
  /** Where `pos-faq/` and `pos-faq-offline.zip` are written. Default `offline/`. */
  out?: string;
  /**
   * The online address named on every page. Default: the address the site was built for (its
   * SITE_URL, read from the root page's canonical link), else SITE_URL (src/site.config.ts).
   */
  onlineUrl?: string;
  /** The address the site was built for, whose absolute links are internal. Default: as above. */
  site?: string;
  /** Fail on any warning (a link that had to be removed) instead of reporting it. */
  strict?: boolean;
}

export interface OfflineResult {
  /** The unpacked bundle, `offline/pos-faq/`. */
  folder: string;
  zip: string;
  /** Size of the zip in bytes. */
  zipBytes: number;
  /** Total size of the unpacked files in bytes. */
  unpackedBytes: number;
  /** Pages rewritten, and all files in the bundle. */
  pages: number;
  files: number;
  version: string;
  date: string;
  /** Problems the rewriting worked around, as `file:line:column: reason`. */
  warnings: string[];
  /** Expected changes, for the record (server-only links removed, external links unlinked). */
  notes: string[];
}

/**
 * Files of the built site that have no use offline, and why. Everything else is copied, and the
 * HTML pages rewritten.
 */
const LEFT_OUT: [RegExp, string][] = [
  [/^_headers$/, 'HTTP headers for the CDN'],
  [/^(sitemap[^/]*\.xml|robots\.txt)$/, 'for search engines'],
  [/^404\.html$/, 'served by a web server for missing addresses; from file:// there is none'],
  [/^widget\/manifest\.json$/, 'names the pinned widget for vendors'],
  [/^widget\/pos-faq\.[0-9a-f]+\.js$/, 'the pinned widget copy for vendors (Subresource Integrity)'],
  [/^pagefind\//, 'fetched as ES modules, which file:// does not allow; replaced by pagefind-offline.js'],
  [DIAGNOSE_JSON, 'fetched by the widget, which file:// does not allow; replaced by widget/diagnose-<lang>.js'],
];

/**
 * Builds the offline bundle from the built site: `offline/pos-faq/` and `offline/pos-faq-offline.zip`.
 *
 * - Every page is rewritten with rehype (src/plugins/rehype-offline-*.ts): links relative and
 *   ending in a file name, nothing fetched from the network, and a notice with the version, the
 *   build date and the online address.
 * - Each Pagefind bundle becomes one classic script, `pagefind/<lang>/pagefind-offline.js`, with
 *   Pagefind's own engine and index (offline-search.ts), which the widget loads from file://.
 *   Likewise the widget's diagnosis tree, `widget/diagnose-<lang>.js` (offline-diagnose.ts).
 * - The zip is reproducible (offline-zip.ts): the same `dist/` gives the same bytes.
 *
 * The folder is written next to its final place and then renamed over it, so a reader never sees
 * half a bundle.
 */
export async function buildOffline(options: OfflineOptions = {}): Promise<OfflineResult> {
  const dist = resolve(options.dist ?? join(ROOT, 'dist'));
  const out = resolve(options.out ?? join(ROOT, 'offline'));
  if (!existsSync(join(dist, 'index.html'))) buildSite(dist);
  // The address the pages were built for (SITE_URL at build time) is in their canonical links.
  const builtFor = canonicalSite(join(dist, 'index.html'));
  const site = checkUrl(options.site ?? builtFor ?? SITE_URL, 'site address');
  const onlineUrl = checkUrl(options.onlineUrl ?? site, 'online address');
  const { version, date } = buildInfo();

  const sources = listFiles(dist);
  const bundle = new Map<string, Uint8Array>();

  // The Pagefind bundles, one per language.
  const pagefindDirs = sources.filter((f) => /^pagefind\/[^/]+\/pagefind-entry\.json$/.test(f)).map(dirname);
  if (!pagefindDirs.length) {
    throw new Error(`${dist} has no Pagefind index (pagefind/<lang>/pagefind-entry.json); run \`npm run build\` first`);
  }
  for (const dir of pagefindDirs) {
    const { code } = await buildOfflineSearch(join(dist, dir));
    bundle.set(`${dir}/pagefind-offline.js`, Buffer.from(code));
  }
  // The guided diagnosis for the widget, one classic script per language.
  for (const file of sources) {
    const lang = DIAGNOSE_JSON.exec(file)?.[1];
    if (lang) bundle.set(diagnoseScriptFile(lang), Buffer.from(offlineDiagnoseScript(readFileSync(join(dist, file), 'utf8'), file)));
  }

  // Every file but those left out; the pages after rewriting.
  const kept = sources.filter((f) => !LEFT_OUT.some(([pattern]) => pattern.test(f)));
  const pages = kept.filter((f) => f.endsWith('.html'));
  const willExist = new Set([...kept, ...bundle.keys(), STYLESHEET_FILE]);
  const warnings: string[] = [];
  const notes: string[] = [];
  const modules = new Set<string>();
  for (const file of kept) {
    const bytes = readFileSync(join(dist, file));
    if (file.endsWith('.css')) checkStylesheet(file, bytes.toString('utf8'));
    if (!file.endsWith('.html')) {
      bundle.set(file, bytes);
      continue;
    }
    const vfile = await rewritePage(file, bytes.toString('utf8'), {
      site,
      onlineUrl,
      exists: (target) => willExist.has(target),
      notices: noticesFor(file, version, date),
      onModule: (src) => {
        const url = new URL(src, new URL(pathForFile(file), 'https://site.invalid'));
        if (url.origin === 'https://site.invalid') modules.add(fileForPath(decodeURIComponent(url.pathname)));
      },
    });
    for (const message of vfile.messages) (message.fatal === false ? warnings : notes).push(describe(file, message));
    bundle.set(file, Buffer.from(String(vfile)));
  }
  // The module scripts the pages now load as classic scripts.
  for (const file of [...modules].sort()) {
    if (!existsSync(join(dist, file))) continue; // Reported by rehype-offline-links as a missing file.
    bundle.set(file, Buffer.from(await classicScript(dist, file)));
  }
  bundle.set(STYLESHEET_FILE, readFileSync(STYLESHEET));
  bundle.set('README.txt', Buffer.from(readme(version, date, onlineUrl)));

  if (options.strict && warnings.length) {
    throw new Error(
      `The offline bundle had to drop ${warnings.length} link(s) that cannot work from file://:\n` +
        `${warnings.join('\n')}\nFix them on the site (they are usually broken online too), or build without --strict.`,
    );
  }

  // Write the folder and the zip beside their final place, then swap them in.
  const folder = join(out, BUNDLE_NAME);
  const zip = join(out, ZIP_NAME);
  const staging = join(out, `.${BUNDLE_NAME}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  let unpackedBytes = 0;
  for (const [file, bytes] of bundle) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    writeFileSync(join(staging, file), bytes);
    unpackedBytes += bytes.byteLength;
  }
  const zipped = reproducibleZip(new Map([...bundle].map(([file, bytes]) => [`${BUNDLE_NAME}/${file}`, bytes])), {
    date: new Date(`${date}T00:00:00Z`),
  });
  writeFileSync(`${zip}.${process.pid}`, zipped);
  rmSync(folder, { recursive: true, force: true });
  renameSync(staging, folder);
  renameSync(`${zip}.${process.pid}`, zip);

  return {
    folder,
    zip,
    zipBytes: zipped.byteLength,
    unpackedBytes,
    pages: pages.length,
    files: bundle.size,
    version,
    date,
    warnings,
    notes,
  };
}

/** Rewrites one built page for the bundle: the notice first, so its stylesheet link is made relative too. */
async function rewritePage(
  file: string,
  html: string,
  {
    site,
    onlineUrl,
    exists,
    notices,
    onModule,
  }: {
    site: string;
    onlineUrl: string;
    exists: (f: string) => boolean;
    notices: Notice[];
    onModule: (src: string) => void;
  },
): Promise<VFile> {
  const vfile = new VFile({ path: file, value: html });
  try {
    return await unified()
      .use(rehypeParse)
      .use(rehypeOfflineNotice, {
        notices,
        onlineUrl: onlineHome(onlineUrl, file),
        stylesheet: `/${STYLESHEET_FILE}`,
      })
      .use(rehypeOfflineScripts, { onModule })
      .use(rehypeOfflineLinks, { file, site, exists })
      .use(rehypeStringify)
      .process(vfile);
  } catch (cause) {
    throw new Error(`Could not rewrite ${file} for the offline bundle`, { cause });
  }
}

/**
 * An ES module of the built site (Astro's processed `<script>`s) as one classic script: the same
 * code, bundled by esbuild into an IIFE with what it imports, since modules do not load from
 * file://. Absolute imports (`/_astro/chunk.js`) are read from the built site.
 */
async function classicScript(dist: string, file: string): Promise<string> {
  const fromSite: esbuild.Plugin = {
    name: 'pos-faq:offline-site-paths',
    setup(build) {
      build.onResolve({ filter: /^\// }, (args) =>
        args.kind === 'entry-point' ? undefined : { path: join(dist, fileForPath(args.path)) },
      );
    },
  };
  const { target } = widgetBuildOptions();
  try {
    const result = await esbuild.build({
      entryPoints: [join(dist, file)],
      bundle: true,
      format: 'iife',
      ...(target ? { target } : {}),
      minify: true,
      legalComments: 'none',
      plugins: [fromSite],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    if (code.includes('import.meta') || code.includes('import(')) {
      throw new Error('it still loads modules at run time (import() or import.meta)');
    }
    return code;
  } catch (cause) {
    throw new Error(
      `Could not turn the module script ${file} into a classic script for the offline bundle; ` +
        'keep client scripts free of import.meta and of imports from other sites.',
      { cause },
    );
  }
}

/**
 * The online address a page names: the home of its language (the bilingual root names the
 * root). Short enough to read out or type on a phone, and it stays valid when entries move.
 */
export function onlineHome(onlineUrl: string, file: string): string {
  const first = file.split('/')[0] as Locale;
  return LOCALES.includes(first) ? `${onlineUrl}/${first}/` : `${onlineUrl}/`;
}

/** The language of a page from its place: `zh/…` or `en/…`; the root pages speak both. */
function noticesFor(file: string, version: string, date: string): Notice[] {
  const first = file.split('/')[0] as Locale;
  const locales = LOCALES.includes(first) ? [first] : LOCALES;
  return locales.map((locale) => ({
    lang: HTML_LANG[locale],
    label: t(locale, 'offline.label'),
    text: t(locale, 'punct.colon') + t(locale, 'offline.notice', { version, date }),
  }));
}

/**
 * The bundle's README.txt: what it is, how to open it, where the current version is. CRLF and a
 * byte order mark, so that every Notepad on a distributor's Windows laptop shows the Chinese.
 */
function readme(version: string, date: string, onlineUrl: string): string {
  return (
    '\uFEFF' +
    [
      `${t('zh', 'site.name')} · ${t('en', 'site.name')}`,
      `${t('zh', 'offline.label')} ${version} (${date}) · ${t('en', 'offline.label')} ${version} (${date})`,
      '',
      '使用方法：先把压缩包完整解压（不要在压缩包里直接打开），然后双击 pos-faq 文件夹里的 index.html。',
      '不需要网络，也不需要安装任何软件；用 Chrome、Edge、Firefox 或 Safari 打开均可。',
      `在线版（内容可能更新）：${onlineUrl}/`,
      '',
      'How to use: unpack the whole zip first (do not open files from inside the zip), then double-click',
      'index.html in the pos-faq folder. No network and nothing to install; Chrome, Edge, Firefox or Safari.',
      `Online version (may be newer): ${onlineUrl}/`,
      '',
    ].join('\r\n')
  );
}

/** A stylesheet that loads anything by an absolute address would break or go online. */
function checkStylesheet(file: string, css: string): void {
  // CSS is not HTML: this scan is a guard, not a rewriter; the site's CSS uses no url() today.
  const withoutInline = css.replace(/url\(\s*['"]?data:/gi, 'url(');
  const found = /@import|url\(\s*['"]?(\/|[a-z][a-z0-9+.-]*:)/i.exec(withoutInline);
  if (found) {
    throw new Error(
      `${file} loads \`${found[0]}…\` by an absolute address, which the offline bundle cannot relocate. ` +
        'Use a relative url() or let Vite inline the asset (it does for small files).',
    );
  }
}

/** The site address a built page names in `<link rel="canonical">`, without the trailing slash. */
function canonicalSite(page: string): string | undefined {
  let href: string | undefined;
  visit(unified().use(rehypeParse).parse(readFileSync(page, 'utf8')), 'element', (node: Element) => {
    const rel = node.properties['rel'];
    const rels = Array.isArray(rel) ? rel.map(String) : String(rel ?? '').split(/\s+/);
    if (node.tagName !== 'link' || !rels.includes('canonical')) return undefined;
    href = String(node.properties['href'] ?? '');
    return EXIT;
  });
  return href ? href.replace(/\/$/, '') : undefined;
}

function checkUrl(value: string, what: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href.replace(/\/$/, '');
  } catch {
    // Reported below.
  }
  throw new Error(
    `The ${what} \`${value}\` is not an http(s) URL; give a full address such as https://faq.example.com`,
  );
}

function describe(file: string, message: VFile['messages'][number]): string {
  const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
  return `${file}${place}: ${message.reason}${message.ruleId ? ` [${message.ruleId}]` : ''}`;
}

/** `astro build` into `dist`, for a bundle asked for before the site was built. */
function buildSite(dist: string): void {
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, POS_FAQ_OUT: dist },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch (cause) {
    throw new Error(`There is no built site in ${dist} and \`astro build\` failed; fix the build first`, { cause });
  }
}
