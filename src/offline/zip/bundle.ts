import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { t } from '../../i18n/index.ts';
import { buildInfo } from '../../lib/build-info.ts';
import { fileForPath, pathForFile } from './paths.ts';
import { checkStylesheet, classicScript } from './assets.ts';
import { DIAGNOSE_JSON, diagnoseScriptFile, offlineDiagnoseScript } from './diagnose.ts';
import { ENTRY_JSON, offlineEntryScript } from './entries.ts';
import { offlineSettings, type OfflineOptions } from './options.ts';
import { rewritePage } from './pages.ts';
import { buildOfflineSearch, listFiles } from './search.ts';
import { BUNDLE_NAME, writeBundle, type WrittenBundle } from './write.ts';
import { OVERLAY_SCRIPT, offlineOverlay } from './overlay.ts';

// Callers import all of the bundle's interface from here; the options and the names are defined
// where they are used.
export type { OfflineOptions } from './options.ts';
export { BUNDLE_NAME, ZIP_NAME, zipName } from './write.ts';

const STYLESHEET = fileURLToPath(new URL('../../styles/offline.css', import.meta.url));
/** Where the bundle's own stylesheet goes, from the bundle root. */
const STYLESHEET_FILE = 'offline.css';

/** The folder and zip written (see WrittenBundle), and what went into them. */
export interface OfflineResult extends WrittenBundle {
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
  // (Not the lookup's own classic scripts next to the index, pos-faq-query.js, pos-faq-words.js and pos-faq-match.js,
  // which load from file:// as they are.)
  [/^pagefind\/(?![^/]+\/pos-faq-(query|words|match)\.js$)/, 'fetched as ES modules, which file:// does not allow; replaced by pagefind-offline.js'],
  [DIAGNOSE_JSON, 'fetched by the widget, which file:// does not allow; replaced by widget/diagnose-<lang>.js'],
  [ENTRY_JSON, 'fetched by the widget, which file:// does not allow; replaced by a .js file each (entries.ts)'],
  // The installable web app (src/offline/pwa/) needs a web server: no service worker or manifest runs from file://.
  [/^sw\.js$/, 'the service worker, which browsers do not run from file://'],
  [/^app\/[^/]+\.webmanifest$/, 'the web app manifests, read only from a web server'],
  [/^[a-z]+\/offline\/index\.html$/, "the service worker's answer to a page it has not stored"],
  [/^admin\//, "the editors' form, which needs the network and the Git host"],
];

/** Whether a file of the built site stays out of the bundle (LEFT_OUT). */
export function isLeftOut(file: string): boolean {
  return LEFT_OUT.some(([pattern]) => pattern.test(file));
}

/**
 * Builds the offline bundle from the built site: `offline/pos-faq/` and `offline/pos-faq-offline.zip`
 * (with a vendor overlay, `pos-faq-<id>/` and `pos-faq-<id>-offline.zip`, see overlay.ts).
 *
 * - Every page is rewritten with rehype (pages.ts): links relative and ending in a file
 *   name, nothing fetched from the network, and a notice with the version, the build date and the
 *   online address. The module scripts it loads become classic scripts (assets.ts).
 * - Each Pagefind bundle becomes one classic script, `pagefind/<lang>/pagefind-offline.js`, with
 *   Pagefind's own engine and index (search.ts), which the widget loads from file://.
 *   Likewise the widget's diagnosis tree, `widget/diagnose-<lang>.js` (diagnose.ts), and the
 *   entries it opens inside itself, `widget/entry/<lang>/<id>.js` (entries.ts).
 * - The zip is reproducible (zip.ts): the same `dist/` gives the same bytes.
 *
 * The folder is written next to its final place and then renamed over it, so a reader never sees
 * half a bundle (write.ts).
 */
export async function buildOffline(options: OfflineOptions = {}): Promise<OfflineResult> {
  const { dist, out, site, onlineUrl } = offlineSettings(options);
  const { version, date } = buildInfo();

  const sources = listFiles(dist);
  const bundle = new Map<string, Uint8Array>();
  // Checked first: a broken overlay fails before anything is built.
  const overlay = options.overlay ? offlineOverlay(options.overlay) : undefined;
  if (overlay) bundle.set(OVERLAY_SCRIPT, Buffer.from(overlay.script));
  const name = overlay ? `${BUNDLE_NAME}-${overlay.id}` : BUNDLE_NAME;

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
    // The entries the widget opens inside itself, one classic script per JSON file.
    if (ENTRY_JSON.test(file)) {
      bundle.set(file.replace(/\.json$/, '.js'), Buffer.from(offlineEntryScript(readFileSync(join(dist, file), 'utf8'), file)));
    }
  }

  // Every file but those left out; the pages after rewriting.
  const kept = sources.filter((f) => !isLeftOut(f));
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
    const page = await rewritePage(file, bytes.toString('utf8'), {
      site,
      onlineUrl,
      version,
      date,
      stylesheet: `/${STYLESHEET_FILE}`,
      overlay: overlay && `/${OVERLAY_SCRIPT}`,
      exists: (target) => willExist.has(target),
      onModule: (src) => {
        const url = new URL(src, new URL(pathForFile(file), 'https://site.invalid'));
        if (url.origin === 'https://site.invalid') modules.add(fileForPath(decodeURIComponent(url.pathname)));
      },
    });
    warnings.push(...page.warnings);
    notes.push(...page.notes);
    bundle.set(file, Buffer.from(page.html));
  }
  // The module scripts the pages now load as classic scripts.
  for (const file of [...modules].sort()) {
    if (!existsSync(join(dist, file))) continue; // Reported by rehype-offline-links as a missing file.
    bundle.set(file, Buffer.from(await classicScript(dist, file)));
  }
  bundle.set(STYLESHEET_FILE, readFileSync(STYLESHEET));
  bundle.set('README.txt', Buffer.from(readme(version, date, onlineUrl, name)));

  if (options.strict && warnings.length) {
    throw new Error(
      `The offline bundle had to drop ${warnings.length} link(s) that cannot work from file://:\n` +
        `${warnings.join('\n')}\nFix them on the site (they are usually broken online too), or build without --strict.`,
    );
  }

  const written = writeBundle(out, bundle, date, name);
  return {
    ...written,
    pages: pages.length,
    files: bundle.size,
    version,
    date,
    warnings,
    notes,
  };
}

/**
 * The bundle's README.txt: what it is, how to open it, where the current version is. CRLF and a
 * byte order mark, so that every Notepad on a distributor's Windows laptop shows the Chinese.
 */
function readme(version: string, date: string, onlineUrl: string, name: string): string {
  return (
    '\uFEFF' +
    [
      `${t('zh', 'site.name')} · ${t('en', 'site.name')}`,
      `${t('zh', 'offline.label')} ${version} (${date}) · ${t('en', 'offline.label')} ${version} (${date})`,
      '',
      `使用方法：先把压缩包完整解压（不要在压缩包里直接打开），然后双击 ${name} 文件夹里的 index.html。`,
      '不需要网络，也不需要安装任何软件；用 Chrome、Edge、Firefox 或 Safari 打开均可。',
      `在线版（内容可能更新）：${onlineUrl}/`,
      '',
      'How to use: unpack the whole zip first (do not open files from inside the zip), then double-click',
      `index.html in the ${name} folder. No network and nothing to install; Chrome, Edge, Firefox or Safari.`,
      `Online version (may be newer): ${onlineUrl}/`,
      '',
    ].join('\r\n')
  );
}
