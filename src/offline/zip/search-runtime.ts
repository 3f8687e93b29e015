/**
 * Runs in the browser, inside `pagefind/<lang>/pagefind-offline.js` of the offline bundle (built by
 * search.ts). esbuild injects this module into Pagefind's own `pagefind.js`: Pagefind's
 * free references to `fetch` and `Worker`, and its `import.meta.url`, resolve to the exports below.
 * So Pagefind's engine runs unchanged, but reads its index files from the base64 data shipped in
 * the same classic script instead of fetching them: from file:// neither ES modules nor fetch nor
 * workers work (Pagefind issue #202), while a classic script does.
 */
import { fileForPath } from './paths.ts';

/** The Pagefind module's API, as much of it as the bundle forwards. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<SearchResponse | null>;
  debouncedSearch(term: string | null, options?: Record<string, unknown>, ms?: number): Promise<SearchResponse | null>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}
interface SearchResponse {
  results: { id: string; data(): Promise<Fragment> }[];
}
interface Fragment {
  url: string;
  sub_results?: { url: string }[];
  [key: string]: unknown;
}

const PREFIX = '[pos-faq offline]';

/**
 * The directory this script was loaded from, e.g. `file:///E:/pos-faq/pagefind/zh/`: the key the
 * widget looks the index up by, and the base its files are known under. Read while the script
 * runs; `currentScript` is null afterwards.
 */
const script = typeof document === 'undefined' ? null : document.currentScript;
const bundle = script instanceof HTMLScriptElement && script.src ? new URL('./', script.src).href : '';

/** Replaces `import.meta.url` in Pagefind: where its module would have been loaded from. */
export const POS_FAQ_PAGEFIND_URL = bundle ? `${bundle}pagefind.js` : undefined;

/** Replaces `Worker` in Pagefind: no worker from file:// (it would need a fetchable script). */
export const Worker = undefined;

let files: Readonly<Record<string, string>> = {};

/**
 * Replaces `fetch` in Pagefind: answers from the inlined index files and never touches the
 * network. A file that is not there gets a 404, which Pagefind reports as it would online.
 */
export async function fetch(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(typeof input === 'object' && 'url' in input ? input.url : String(input), bundle || undefined);
  // Pagefind adds `?ts=` to the entry file to defeat caches; the data here cannot be stale.
  url.search = '';
  url.hash = '';
  const name = url.href.startsWith(bundle) ? decodeURIComponent(url.href.slice(bundle.length)) : '';
  const data = name ? files[name] : undefined;
  if (data === undefined) return new Response(null, { status: 404, statusText: 'Not in the offline index' });
  return new Response(decodeBase64(data), {
    status: 200,
    headers: { 'Content-Type': name.endsWith('.json') ? 'application/json' : 'application/octet-stream' },
  });
}

function decodeBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Registers Pagefind's API as `globalThis.posFaqOffline[<this directory>]`, where the widget's
 * offline hook (widget/search-client.ts, importOffline) looks for it.
 *
 * @param pagefind Pagefind's own module, bundled in the same script.
 * @param data The index files, base64, by path inside the Pagefind bundle (`index/x.pf_index`).
 */
export function register(pagefind: PagefindModule, data: Readonly<Record<string, string>>): void {
  if (!bundle) {
    console.error(`${PREFIX} pagefind-offline.js must be loaded with a <script src>; the lookup is unavailable.`);
    return;
  }
  files = data;
  const withFileUrls = (response: SearchResponse | null): SearchResponse | null =>
    response && {
      ...response,
      results: response.results.map((result) => ({ ...result, data: async () => fileUrls(await result.data()) })),
    };

  const api: PagefindModule = {
    // The base path is always this directory: the inlined files are known by their place in it.
    // The base URL is the site root, so that Pagefind answers with the same site paths as online
    // (`/zh/symptoms/x/`), which fileUrls() turns into files; Pagefind's own default, derived
    // from a file:// base path, would mangle them.
    options: (options) => pagefind.options({ ...options, basePath: bundle, baseUrl: '/', noWorker: true }),
    init: () => pagefind.init(),
    search: async (term, options) => withFileUrls(await pagefind.search(term, options)),
    debouncedSearch: async (term, options, ms) => withFileUrls(await pagefind.debouncedSearch(term, options, ms)),
    preload: (term, options) => pagefind.preload(term, options),
    filters: () => pagefind.filters(),
    destroy: () => pagefind.destroy(),
  };
  const global = globalThis as { posFaqOffline?: Record<string, PagefindModule> };
  global.posFaqOffline ??= {};
  global.posFaqOffline[bundle] = api;
}

/**
 * Pagefind answers with the site's paths (`/zh/symptoms/receipt-blank/`); in the bundle the page
 * is the file `zh/symptoms/receipt-blank/index.html`. The URL stays relative to the site root, as
 * the widget resolves it there (widget/search-client.ts, safeUrl(), which on purpose turns no
 * absolute file: URL from an index into a link).
 */
function fileUrls(fragment: Fragment): Fragment {
  const toFile = (url: string) => {
    const parsed = new URL(url, 'https://site.invalid/');
    if (parsed.origin !== 'https://site.invalid') return url;
    return fileForPath(parsed.pathname) + parsed.search + parsed.hash;
  };
  return {
    ...fragment,
    url: toFile(fragment.url),
    ...(fragment.sub_results && { sub_results: fragment.sub_results.map((sub) => ({ ...sub, url: toFile(sub.url) })) }),
  };
}
