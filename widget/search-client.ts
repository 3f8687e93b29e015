import { codeInText, normaliseCode } from '../src/lib/codes.ts';
import type { DiagnoseData } from '../src/lib/diagnose.ts';
import type { QueryScript, WordsScript } from './query.ts';
import { rankedSearch, warmSegmenter, type Cut } from './rank.ts';
import { siteLocale, type WidgetLang } from './strings.ts';

/** One lookup result, as the UI shows it and as `el.lookup()` resolves. */
export interface LookupResult {
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The main actor: merchant, cardholder, acquirer, vendor or wait. */
  actor: string;
  codes: string[];
  /** The first step, shown under the title. */
  step: string;
}

/**
 * Why the index could not be used: the `type` of a `pos-faq-error` event. `blocked`: the page's
 * CSP forbids WebAssembly (the host can fix it); `unsupported`: the browser has no WebAssembly at
 * all (switched off, or Safari's Lockdown Mode), whatever the page allows. `unknown`: `el.open()`
 * or the `entry` attribute named an id or response code the site does not have (never an event).
 */
export type LoadErrorType = 'timeout' | 'network' | 'blocked' | 'unsupported' | 'unknown';

export class LookupError extends Error {
  readonly type: LoadErrorType;
  constructor(type: LoadErrorType, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'LookupError';
    this.type = type;
  }
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{ url: string; content?: string; meta: Record<string, string | undefined> }>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  destroy?(): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

export const LOAD_TIMEOUT_MS = 8000;
/** How long a failed load is remembered before the next keystroke may try again. */
export const RETRY_AFTER_MS = 10_000;

/**
 * What the widget loads from the FAQ site, one promise per URL, shared by every widget on the page:
 * Pagefind instances by index URL, diagnosis trees by file URL.
 */
const loads = new Map<string, Promise<unknown>>();

function once<T>(url: string, what: string, load: (url: string) => Promise<T>): Promise<T> {
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
function importOffline<T>(src: string, key = src): Promise<T> {
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
const loadIndex = (root: string, lang: WidgetLang) =>
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
function importScript<T>(src: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('pos-faq-data', (e) => resolve((e as CustomEvent<T>).detail));
    script.onload = script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}
/** The Traditional → Simplified fold and the measure of a good answer, loaded with the index. */
const queryScript = (root: string, lang: WidgetLang) => indexScript<QueryScript>(root, lang, 'pos-faq-query.js');
/** The index's words: loaded only for a correction, or where Intl.Segmenter is missing. */
const wordsScript = (root: string, lang: WidgetLang) => indexScript<WordsScript>(root, lang, 'pos-faq-words.js');

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

/** What a search shows: the `detail` of the `pos-faq-search` event, with the results. */
export interface Outcome {
  /** The query as typed. */
  query: string;
  /** The query searched instead, when a typed word matched nothing (a typo); else absent. */
  corrected?: string;
  /** False when no entry answers the query well: the results, if any, are only maybe related. */
  matched: boolean;
  results: LookupResult[];
}

/** One search on the index: the results, and how well the first one answers. */
interface Pass {
  results: LookupResult[];
  /** The first result owns the response code in the query. */
  code: boolean;
  /** How much of the query the best-answering result's text says (rank.ts, coverage). */
  said: number;
}

/**
 * A good answer (`matched`): the first result owns the typed response code, or its text says at
 * least half of the query (rank.ts, coverage). Every query of the public relevance sets that names
 * a problem the catalogue covers meets this; none of the unrelated ones does
 * (tests/relevance/queries-unrelated.json: weather, recipes, a cracked screen).
 */
export const MATCH_SHARE = 0.5;
const good = (p: Pass) => p.results.length > 0 && (p.code || p.said >= MATCH_SHARE);

async function pass(
  pf: PagefindApi,
  q: QueryScript | null,
  root: string,
  term: string,
  lang: WidgetLang,
  limit: number,
  cut?: Cut,
): Promise<Pass> {
  const exact = normaliseCode(term);
  const code = exact ?? codeInText(term);
  const known = new Map<string, PagefindResult>();
  const search = async (words: string) => {
    const { results } = await pf.search(words);
    for (const r of results) known.set(r.id, r);
    return results;
  };
  const [byCode, byText] = await Promise.all([
    code ? pf.search(null, { filters: { code } }) : undefined,
    rankedSearch(search, term, lang, limit, cut),
  ]);
  let first = byCode?.results ?? [];
  if (exact && first.length === 0) {
    first = (await pf.search(null, { filters: { code: 'unknown' } })).results;
  }
  const seen = new Set<string>();
  const hits = [...first, ...byText.flatMap((id) => known.get(id) ?? [])]
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .slice(0, limit);
  const data = await Promise.all(hits.map((hit) => hit.data()));
  const results = data.flatMap(({ url, meta }) => {
    const safe = safeUrl(url, root);
    if (!safe || !meta['id']) return [];
    return [
      {
        id: meta['id'],
        url: safe,
        title: meta['title'] ?? '',
        summary: meta['summary'] ?? '',
        actor: (meta['actor'] ?? '').split(' ')[0] ?? '',
        codes: (meta['codes'] ?? '').split(' ').filter(Boolean),
        step: meta['step'] ?? '',
      },
    ];
  });
  // The best-answering result counts: the first may come first by its code or its title words.
  // Without the query script (it could not load), any result counts as an answer, as it used to.
  return {
    results,
    code: first.length > 0,
    said: q ? Math.max(0, ...data.map((d) => q.coverage(term, d.content ?? ''))) : 1,
  };
}

/**
 * Looks up a query: entries that own the typed response code first, then Pagefind's full-text
 * ranking, without duplicates. A code that no entry owns brings up the generic
 * "transaction failed" entry, as the terminal would mean it. Traditional characters are folded
 * first. When the first result does not say all of the query, a typed word may have matched
 * nothing: if the index has a word that sounds the same (zh) or is one edit away (en), that query
 * is searched too, and shown when it answers well and says more, unless `literal` asks for the
 * query as typed.
 */
export async function find(
  base: string,
  lang: WidgetLang,
  query: string,
  limit: number,
  literal = false,
): Promise<Outcome> {
  const typed = query.trim();
  if (!typed) return { query: typed, matched: false, results: [] };
  const root = siteBase(base);
  const [pf, q] = await Promise.all([loadIndex(root, lang), queryScript(root, lang)]);
  const term = q ? q.fold(typed) : typed;
  const words = typeof Intl.Segmenter === 'function' ? null : await wordsScript(root, lang);
  const cut = words?.cut;
  let best = await pass(pf, q, root, term, lang, limit, cut);
  let corrected: string | undefined;
  if (!literal && !best.code && best.said < 1) {
    const fixed = (words ?? (await wordsScript(root, lang)))?.correct(term);
    const next = fixed ? await pass(pf, q, root, fixed, lang, limit, cut) : null;
    // A guessed query must say nearly all of itself ("my cat is sick" is not "my cat is pick").
    if (next && good(next) && next.said > best.said && next.said >= 0.75) {
      best = next;
      corrected = fixed!;
    }
  }
  return { query: typed, ...(corrected ? { corrected } : {}), matched: good(best), results: best.results };
}

/** The results of `find`, as `el.lookup()` resolves. */
export const lookup = async (base: string, lang: WidgetLang, query: string, limit: number): Promise<LookupResult[]> =>
  (await find(base, lang, query, limit)).results;

/**
 * Resolves a result URL against the site. Absolute http(s) URLs and relative ones survive; a
 * relative URL may become file: when the site itself is opened from a file (the offline bundle),
 * but an absolute file:, javascript: or data: URL from the index never becomes a link.
 */
export function safeUrl(url: string, base: string): string | null {
  try {
    const resolved = new URL(url, base);
    if (resolved.protocol === 'http:' || resolved.protocol === 'https:') return resolved.href;
    // Relative means: against an http base it would have stayed http.
    const relative = new URL(url, 'http://relative.invalid/').protocol === 'http:';
    return relative && resolved.protocol === new URL(base).protocol ? resolved.href : null;
  } catch {
    return null;
  }
}
