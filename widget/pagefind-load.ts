/**
 * Loading what the lookup reads from the FAQ site, once per page: Pagefind's engine and index
 * (online as an ES module, from file:// as a classic script), the classic scripts the build
 * writes next to the index, and the diagnosis tree. Failures become a LookupError whose type the
 * widget reports (`pos-faq-error`).
 */
import type { DiagnoseData } from '../src/lib/diagnose.ts';
import type { Answer } from './match.ts';
import type { QueryScript, WordsScript } from './query.ts';
import { warmSegmenter } from './rank.ts';
import { siteLocale, type WidgetLang } from './strings.ts';

/**
 * Why the index could not be used: the `type` of a `pos-faq-error` event. `blocked`: the page's
 * CSP forbids WebAssembly (the host can fix it); `unsupported`: the browser has no WebAssembly at
 * all (switched off, or Safari's Lockdown Mode), whatever the page allows. `unknown`: `el.open()`
 * or the `entry` attribute named an id or response code the site does not have (never an event).
 * `overlay`: the vendor overlay (`overlay="<url>"`) cannot be used; the shared lookup goes on.
 */
export type LoadErrorType = 'timeout' | 'network' | 'blocked' | 'unsupported' | 'unknown' | 'overlay';

export class LookupError extends Error {
  readonly type: LoadErrorType;
  constructor(type: LoadErrorType, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'LookupError';
    this.type = type;
  }
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content?: string; meta: Record<string, string | undefined> }>;
}
export interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  destroy?(): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, string | { any: string[] }> }): Promise<{ results: PagefindResult[] }>;
}

export const LOAD_TIMEOUT_MS = 8000;
/** How long a failed load is remembered before the next keystroke may try again. */
export const RETRY_AFTER_MS = 10_000;

/**
 * What the widget loads from the FAQ site, one promise per URL, shared by every widget on the page:
 * Pagefind instances by index URL, diagnosis trees by file URL.
 */
const loads = new Map<string, Promise<unknown>>();

export function once<T>(url: string, what: string, load: (url: string) => Promise<T>): Promise<T> {
  let pending = loads.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = withTimeout(load(url), LOAD_TIMEOUT_MS, what);
    // A failed load is forgotten after a while so that a later keystroke can try again (the
    // network may be back), but not at once: every keystroke would fetch again, and the browser
    // would log every failed fetch in the host's console.
    pending.catch(() => setTimeout(() => loads.delete(url), RETRY_AFTER_MS));
    loads.set(url, pending);
  }
  return pending;
}

/** The smallest valid WebAssembly module: the magic number and version 1. */
const EMPTY_WASM = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);

/** Bundles whose Pagefind failures are already reported by the widget, see importPagefind. */
const quieted = new Set<string>();

let probed: Promise<void> | undefined;
/**
 * Pagefind needs WebAssembly. A browser without it, or a host CSP without 'wasm-unsafe-eval', is
 * found here with an empty module, before anything is downloaded (the index, the scripts next to
 * it) and before Pagefind logs errors of its own. Instantiated, not only compiled: JavaScriptCore
 * (Safari) compiles under such a CSP and refuses only at instantiation. Once per page.
 */
const probeWasm = () =>
  (probed ??= (async () => {
    if (typeof WebAssembly !== 'object') {
      throw new LookupError('unsupported', 'this browser has no WebAssembly: not a CSP problem');
    }
    try {
      // Synchronous: the asynchronous instantiate waits for a compile task (10 to 15 ms) that
      // the first search would wait for too; eight bytes compile at once.
      new WebAssembly.Instance(new WebAssembly.Module(EMPTY_WASM));
    } catch (error) {
      throw new LookupError(
        'blocked',
        "WebAssembly is not allowed on this page: add 'wasm-unsafe-eval' to the script-src of its Content-Security-Policy",
        error,
      );
    }
  })());

async function importPagefind(bundle: string): Promise<PagefindApi> {
  await probeWasm();
  // Pagefind starts loading its index from a constructor without a catch, so a failure there is
  // also an unhandled rejection in the host page. The widget reports the failure itself (one
  // console line, one event), so rejections that come from this bundle's code are not passed on.
  if (!quieted.has(bundle)) {
    quieted.add(bundle);
    addEventListener('unhandledrejection', (event) => {
      const reason: unknown = event.reason;
      if (reason instanceof Error && reason.stack?.includes(bundle)) event.preventDefault();
    });
  }
  let pf: PagefindApi;
  try {
    // The index's own address decides, not the page's: a file:// page may embed the online index.
    pf = bundle.startsWith('file:')
      ? await importOffline<PagefindApi>(`${bundle}pagefind-offline.js`, bundle)
      : ((await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi);
  } catch (error) {
    throw new LookupError(
      'network',
      `could not load ${bundle}pagefind.js (blocked by CORS, CSP or the network)`,
      error,
    );
  }
  try {
    // No worker: a worker cannot start from another origin, and the host's CSP may forbid it.
    await pf.options({ basePath: bundle, noWorker: true, excerptLength: 0 });
    await pf.init();
    // Pagefind's first search would otherwise pay for the browser's word-break data (ICU's, 15
    // to 30 ms, once per page): it loads now, while the index downloads. On the site's own pages
    // the search loader has loaded it already (src/lib/search-loader.ts).
    warmSegmenter();
    // Probe one real search so that WASM or index failures surface here, not on every keystroke.
    await pf.search('');
  } catch (error) {
    // Pagefind keeps one engine per module; a failed one would fail every later try as well.
    await pf.destroy?.().catch(() => {});
    const blocked = /wasm|webassembly|content security|csp/i.test(String(error));
    throw new LookupError(
      blocked ? 'blocked' : 'network',
      `could not start the search index at ${bundle}: ${String(error)}`,
      error,
    );
  }
  return pf;
}

/**
 * From file:// (the offline bundle) ES modules and fetch do not work (Pagefind issue #202). The
 * offline build ships classic scripts instead, which register what they carry on the global
 * `posFaqOffline` under a URL: `pagefind/<lang>/pagefind-offline.js` registers Pagefind's own
 * engine, with its data inlined, under the bundle URL; `widget/diagnose-<lang>.js` registers the
 * diagnosis tree under its own URL.
 */
export function importOffline<T>(src: string, key = src): Promise<T> {
  const registry = () => (globalThis as { posFaqOffline?: Record<string, T> }).posFaqOffline;
  const ready = registry()?.[key];
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      const api = registry()?.[key];
      if (api) resolve(api);
      else reject(new Error(`${src} did not register ${key}`));
    };
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new LookupError('timeout', `${what} did not answer within ${ms / 1000} s`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The site's address for a widget: absolute, ending in a slash. */
export function siteBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** The Pagefind bundle of the site for a widget language, loaded once. */
export const loadIndex = (root: string, lang: WidgetLang) =>
  once(`${root}pagefind/${siteLocale(lang)}/`, 'the search index', importPagefind);

/**
 * A classic script that the build writes next to the index (src/integrations/pagefind.ts,
 * writeSearchData), loaded the same way online and offline.
 * Loaded once, and not before WebAssembly is known to work; resolves to null when it cannot be
 * had: the lookup then goes on without it.
 */
const indexScript = <T>(root: string, lang: WidgetLang, name: string): Promise<T | null> =>
  probeWasm()
    .then(() => once(`${root}pagefind/${siteLocale(lang)}/${name}`, name, importScript<T>))
    .catch(() => null);

/**
 * Loads a classic script that hands over what it carries in a `pos-faq-data` event on its own
 * element while it runs: no global on the host page, and it works from file:// too.
 */
export function importScript<T>(src: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('pos-faq-data', (e) => resolve((e as CustomEvent<T>).detail));
    script.onload = script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}
/** The Traditional → Simplified fold and the measure of a good answer, loaded with the index. */
export const queryScript = (root: string, lang: WidgetLang) => indexScript<QueryScript>(root, lang, 'pos-faq-query.js');
/** The index's words: loaded only for a correction, or where Intl.Segmenter is missing. */
export const wordsScript = (root: string, lang: WidgetLang) => indexScript<WordsScript>(root, lang, 'pos-faq-words.js');

/**
 * Each entry's texts in both languages, read by pairs of characters and by sound (widget/match.ts):
 * loaded only for a query that Pagefind's words do not answer well.
 */
export const matchScript = (root: string, lang: WidgetLang) =>
  indexScript<(query: string, shown: string[], limit: number) => Answer>(root, lang, 'pos-faq-match.js');

/** Starts loading the index without searching: called on first focus. */
export function preload(base: string, lang: WidgetLang): Promise<unknown> {
  const root = siteBase(base);
  void queryScript(root, lang);
  return loadIndex(root, lang);
}

/**
 * The guided diagnosis of the site in one language (`DiagnoseData`, src/lib/diagnose.ts): fetched
 * from `widget/diagnose/<lang>.json`, or from file:// (the offline bundle) loaded from the classic
 * script `widget/diagnose-<lang>.js`. Loaded once per site and language, when the user first opens
 * the diagnosis; rejects with a LookupError like the index does.
 */
export function diagnosis(base: string, lang: WidgetLang): Promise<DiagnoseData> {
  const root = siteBase(base);
  const locale = siteLocale(lang);
  const offline = root.startsWith('file:');
  return once(
    `${root}widget/diagnose${offline ? '-' : '/'}${locale}.${offline ? 'js' : 'json'}`,
    'the diagnosis',
    async (url) => {
      let data: DiagnoseData | undefined;
      try {
        data = await (offline ? importOffline<DiagnoseData>(url) : fetch(url).then((r) => r.json()));
      } catch (error) {
        // A 404 page is not JSON either: every failure to get the tree ends here.
        throw new LookupError('network', `could not load ${url} (blocked by CORS, CSP or the network)`, error);
      }
      // A newer, incompatible tree reads as a failure to load.
      if (data?.version !== 1 || !data.questions?.[data.start]) {
        throw new LookupError('network', `${url} is not a version 1 diagnosis`);
      }
      return data;
    },
  );
}

