import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { HTML_LANG, t } from '../../i18n/index.ts';
import rehypeOfflineLinks from './rehype-offline-links.ts';
import rehypeOfflineNotice, { type Notice } from './rehype-offline-notice.ts';
import rehypeOfflineScripts from './rehype-offline-scripts.ts';
import { rehypeOfflineOverlay } from './overlay.ts';
import { LOCALES, type Locale } from '../../schemas/faq.ts';

/** What rewriting a page needs to know about the bundle it goes into. */
export interface PageContext {
  /** The address the site was built for, whose absolute links are internal. */
  site: string;
  /** The online address, without the trailing slash; each page names the home of its language. */
  onlineUrl: string;
  /** Version and build date, for the notice. */
  version: string;
  date: string;
  /** The notice's stylesheet, from the bundle root: `/offline.css`. */
  stylesheet: string;
  /** Whether a file (its path from the bundle root) will be in the bundle. */
  exists: (file: string) => boolean;
  /** Called with the `src` of every module script, which the caller turns into a classic script. */
  onModule: (src: string) => void;
  /** A vendor overlay's script, from the bundle root (`/widget/overlay.js`): every lookup on the page loads it. */
  overlay?: string | undefined;
}

export interface RewrittenPage {
  html: string;
  /** Problems the rewriting worked around, as `file:line:column: reason`. */
  warnings: string[];
  /** Expected changes, for the record (server-only links removed, external links unlinked). */
  notes: string[];
}

/**
 * Rewrites one built page for the bundle with rehype (rehype-offline-*.ts): the notice
 * first, so its stylesheet link is made relative too; module scripts; then every link.
 */
export async function rewritePage(file: string, html: string, context: PageContext): Promise<RewrittenPage> {
  const { site, onlineUrl, version, date, stylesheet, exists, onModule, overlay } = context;
  let vfile: VFile;
  try {
    vfile = await unified()
      .use(rehypeParse)
      .use(rehypeOfflineNotice, {
        notices: noticesFor(file, version, date, onlineUrl),
        onlineUrl: onlineHome(onlineUrl, file),
        stylesheet,
      })
      .use(rehypeOfflineScripts, { onModule })
      .use(rehypeOfflineOverlay, { src: overlay })
      .use(rehypeOfflineLinks, { file, site, exists })
      .use(rehypeStringify)
      .process(new VFile({ path: file, value: html }));
  } catch (cause) {
    throw new Error(`Could not rewrite ${file} for the offline bundle`, { cause });
  }
  const warnings: string[] = [];
  const notes: string[] = [];
  for (const message of vfile.messages) (message.fatal === false ? warnings : notes).push(describe(file, message));
  return { html: String(vfile), warnings, notes };
}

/**
 * The online address a page names: the home of its language (the bilingual root names the
 * root). Short enough to read out or type on a phone, and it stays valid when entries move.
 */
export function onlineHome(onlineUrl: string, file: string): string {
  const first = file.split('/')[0] as Locale;
  return LOCALES.includes(first) ? `${onlineUrl}/${first}/` : `${onlineUrl}/`;
}

/**
 * The language of a page from its place: `zh/…` or `en/…`; the root pages speak both. Each notice
 * ends with the address of the online list of changes, so a reader can see what changed since
 * the bundle was built (as text: the bundle links only to its own files).
 */
function noticesFor(file: string, version: string, date: string, onlineUrl: string): Notice[] {
  const first = file.split('/')[0] as Locale;
  const locales = LOCALES.includes(first) ? [first] : LOCALES;
  return locales.map((locale) => ({
    lang: HTML_LANG[locale],
    label: t(locale, 'offline.label'),
    text:
      t(locale, 'punct.colon') +
      t(locale, 'offline.notice', { version, date }) +
      (locale === 'zh' ? '。' : '. ') +
      t(locale, 'offline.changes', { url: `${onlineUrl}/${locale}/changes/` }),
  }));
}

function describe(file: string, message: VFile['messages'][number]): string {
  const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
  return `${file}${place}: ${message.reason}${message.ruleId ? ` [${message.ruleId}]` : ''}`;
}
