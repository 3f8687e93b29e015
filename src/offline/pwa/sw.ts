/// <reference lib="webworker" />
/**
 * The site's service worker, bundled by build.ts. Workbox does the storing and serving:
 *
 * - precaching (workbox-precaching): the shell (files.ts) in groups, `common` and one per
 *   language, each with a cache of its own and a revision per file. A page asks for its language
 *   once it is idle or its lookup has answered (client.ts), so only the languages visited are
 *   stored. A new build installs every group the previous one had, in full, or not at all.
 * - pages (workbox-strategies CacheFirst): every page opened is stored in a cache named after the
 *   build; "Save for offline use" stores all of a language's pages in another. A page neither
 *   precached nor stored, with no network, gets the language's offline page.
 * - updates: a new worker waits. The pages say a newer version is there; the next navigation
 *   hands over (the waiting worker activates) and is answered with `Refresh`, which the new
 *   worker then serves, so a page and the index it searches always come from one build. The new
 *   worker re-fetches, on install, the pages the old one had stored, so nothing saved is lost.
 *
 * Only same-origin GET requests are routed; the rest (other sites, vendors' embeds) is untouched.
 */
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import type { WorkboxPlugin } from 'workbox-core';
import type { SavedPage } from './files.ts';

declare const self: ServiceWorkerGlobalScope;
declare const __SHELL__: Record<string, Array<{ url: string; revision: string | null }>>;
declare const __BUILD__: string;
declare const __BUILD_DATE__: string;
declare const __PAGES__: Record<string, SavedPage[]>;

const PREFIX = 'pos-faq-';
const VISITED = `${PREFIX}visited-${__BUILD__}`;
const savedCache = (lang: string) => `${PREFIX}saved-${lang}-${__BUILD__}`;
const LANGS = Object.keys(__PAGES__);
// One cache per group, kept from one build to the next: Workbox's revisions tell its files
// apart, and each build's activation drops the files it no longer lists (as precacheAndRoute does).
const SHELL = `${PREFIX}shell-`;
const shells = new Map(
  Object.entries(__SHELL__).map(([group, entries]) => {
    const controller = new PrecacheController({ cacheName: SHELL + group });
    controller.addToCacheList(entries);
    return [group, controller] as const;
  }),
);
const groupsOf = (lang: string) => ['common', lang];
/** The precached copy of a URL, from whichever group holds it. */
async function matchPrecache(url: string): Promise<Response | undefined> {
  for (const controller of shells.values()) {
    const found = await controller.matchPrecache(url);
    if (found) return found;
  }
  return undefined;
}
const langOf = (path: string) => LANGS.find((l) => path.startsWith(`/${l}/`)) ?? LANGS[0]!;
// Only complete answers are stored: never a 404, a redirect or an error page.
const ok = new CacheableResponsePlugin({ statuses: [200] }) as WorkboxPlugin;

// Pages stored by "Save for offline use" are served like the ones opened before.
const fromSaved: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) =>
    cachedResponse ?? (await caches.match(request, { cacheName: savedCache(langOf(new URL(request.url).pathname)) })) ?? null,
};
const pages = new CacheFirst({ cacheName: VISITED, plugins: [ok, fromSaved] });
// Fetches that bypass the HTTP cache, whose HTML may be five minutes old and from the last build.
const fresh = { cache: 'no-cache' } as const;

// Navigations first: a waiting worker must get the chance to take over before any page is served.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === self.location.origin,
  async (options) => {
    const request = options.request as Request;
    const url = new URL(request.url);
    const wait = handOver();
    if (wait !== null) return refresh(wait);
    const precached = await matchPrecache(url.pathname);
    if (precached) return precached;
    try {
      return await pages.handle({ ...options, request: new Request(url.href, { ...fresh, credentials: 'same-origin' }) });
    } catch {
      return offlinePage(langOf(url.pathname));
    }
  },
);

// Everything else of the shell: the precached file once its group is stored, whatever the network
// does (before that, the network). Pagefind asks for pagefind-entry.json?ts=<now>, to get past
// HTTP caches: the precached entry is the one that goes with this build's index, which is the point.
for (const controller of shells.values()) {
  registerRoute(new PrecacheRoute(controller, { ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/] }));
}

/** The groups this worker has found or made complete, and those being stored, while it runs. */
const shellStored = new Set<string>();
const storing = new Map<string, Promise<void>>();
/**
 * Stores the shell of a language (and `common`) with Workbox's own install: files already stored
 * with the same revision are not fetched again. Workbox stores precached files only while an
 * install event runs (PrecacheStrategy checks the event's type), so a language asked for later,
 * by a page, lends the message's lifetime under that name. Every page asks once it is idle, and
 * pages opened in quick succession (or in other tabs) ask before the store has ended, while
 * Workbox's install fetches whatever is not stored yet: one store at a time per group, which
 * later asks wait for, and none once the cache's keys say the group is complete.
 */
async function precache(lang: string, event: ExtendableEvent): Promise<void> {
  for (const group of groupsOf(lang)) await storeGroup(group, event);
}

function storeGroup(group: string, event: ExtendableEvent): Promise<void> {
  if (shellStored.has(group)) return Promise.resolve();
  if (!storing.has(group)) {
    const asInstall = { type: 'install', waitUntil: (p: Promise<unknown>) => event.waitUntil(p) } as unknown as ExtendableEvent;
    const job = async () => {
      if (!(await complete(group))) await shells.get(group)!.install(event.type === 'install' ? event : asInstall);
      shellStored.add(group);
    };
    storing.set(group, job().finally(() => storing.delete(group)));
  }
  return storing.get(group)!;
}

/** True when every file of a group is stored. */
async function complete(group: string): Promise<boolean> {
  if (!(await caches.has(SHELL + group))) return false;
  const stored = new Set((await (await caches.open(SHELL + group)).keys()).map((r) => r.url));
  for (const key of shells.get(group)!.getURLsToCacheKeys().values()) if (!stored.has(key)) return false;
  return true;
}

/** True when every file of a language's shell (and `common`) is stored. */
const precached = async (lang: string) => (await Promise.all(groupsOf(lang).map((g) => shellStored.has(g) || complete(g)))).every(Boolean);

/**
 * When a newer worker is waiting, tells it to take over and says after how many seconds to ask
 * again (null: no hand-over). It activates only once the old worker's work in flight is done, so
 * it cannot be awaited here: the request rounds again, three times at once and three a second
 * apart (a busy phone), before this worker serves the page itself.
 */
let handOvers = 0;
// An empty page that asks again; its icon spares a request for /favicon.ico, which the site lacks.
const refresh = (seconds: number) =>
  new Response('<!doctype html><link rel="icon" href="/favicon.svg">', {
    headers: { Refresh: String(seconds), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
function handOver(): number | null {
  const waiting = self.registration.waiting;
  if (!waiting || handOvers >= 6) return null;
  waiting.postMessage({ type: 'skip-waiting' });
  return handOvers++ < 3 ? 0 : 1;
}

self.addEventListener('install', (event) => event.waitUntil(carryOver(event)));
self.addEventListener('activate', (event) =>
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        // The shell's caches outlive builds (Workbox cleans them below); the single precache of
        // builds before the shell was split by language goes.
        const old = name.startsWith(PREFIX) && !name.startsWith(SHELL) && !name.endsWith(`-${__BUILD__}`);
        if (old || name.startsWith('workbox-precache-v2-')) await caches.delete(name);
      }
      // Workbox drops the files this build no longer lists; a group never stored stays absent.
      for (const [group, controller] of shells) if (await caches.has(SHELL + group)) await controller.activate(event);
      // The very first page did not go through a worker: store it like any page opened later
      // (and any other page open now that is not stored yet).
      const visited = await caches.open(VISITED);
      for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
        const url = new URL(client.url);
        if (url.origin !== self.location.origin || (await matchPrecache(url.pathname)) || (await visited.match(url.pathname))) continue;
        const response = await fetch(url.pathname, fresh).catch(() => null);
        if (response?.status === 200) await visited.put(url.pathname, response);
      }
      await self.clients.claim();
    })(),
  ),
);

/**
 * On installing a new build: the pages the previous one stored, fetched again from this build,
 * and each language saved for offline use saved again. A failed fetch fails the install, which
 * the browser retries later; a page that no longer exists is dropped.
 */
async function carryOver(event: ExtendableEvent): Promise<void> {
  const all = await caches.keys();
  // The languages precached before: this build precaches them too before it may take over.
  const legacy = all.some((n) => n.startsWith('workbox-precache-v2-'));
  for (const lang of LANGS) {
    const had = all.includes(SHELL + lang) && (await (await caches.open(SHELL + lang)).keys()).length > 0;
    if (had || legacy) await precache(lang, event);
  }
  const names = all.filter((n) => n.startsWith(PREFIX) && !n.startsWith(SHELL) && !n.endsWith(`-${__BUILD__}`));
  const visited = await caches.open(VISITED);
  for (const name of names) {
    const saved = /^pos-faq-saved-([a-z]+)-/.exec(name)?.[1];
    if (saved && __PAGES__[saved]) {
      await save(saved, event, () => {});
      continue;
    }
    if (!name.startsWith(`${PREFIX}visited-`)) continue;
    for (const request of await (await caches.open(name)).keys()) {
      const response = await fetch(new URL(request.url).pathname, fresh);
      if (response.status === 200) await visited.put(request.url, response);
    }
  }
}

type Progress = { done: number; total: number } | { error: 'quota' | 'network' };

/**
 * Stores every page of a language that is not precached, four at a time, with Workbox's
 * CacheFirst: a page already saved is not fetched again. A page missing from the server, the
 * network failing or the browser refusing the space (QuotaExceededError) rejects.
 */
async function save(lang: string, event: ExtendableEvent, report: (p: Progress) => void): Promise<void> {
  const list = __PAGES__[lang] ?? [];
  const store = new CacheFirst({ cacheName: savedCache(lang), plugins: [ok] });
  let done = 0;
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < list.length && !failure) {
      const { url } = list[next++]!;
      try {
        const [response, stored] = store.handleAll({ event, request: new Request(url, { ...fresh, credentials: 'same-origin' }) });
        const { status } = await response;
        if (status !== 200) throw new Error(`${url}: HTTP ${status}`);
        await stored;
        if (!failure) report({ done: ++done, total: list.length });
      } catch (error) {
        failure ??= error;
      }
    }
  };
  // Every worker stops at the first failure, and all have stopped before it is reported: the
  // caller then removes what was stored, which none of them can put back.
  await Promise.all([worker(), worker(), worker(), worker()]);
  if (failure) throw failure;
}

/** What the pages ask: the status of a language, to save or remove it, to take over now. */
self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; lang?: string } | null;
  const port = event.ports[0];
  const reply = (message: unknown) => port?.postMessage(message);
  const lang = data?.lang && __PAGES__[data.lang] ? data.lang : null;
  if (data?.type === 'skip-waiting') {
    void self.skipWaiting();
  } else if (data?.type === 'precache' && lang) {
    event.waitUntil(precache(lang, event).then(() => reply({ precached: true }), () => reply({ error: 'network' })));
  } else if (data?.type === 'status' && lang) {
    event.waitUntil(status(lang).then(reply));
  } else if (data?.type === 'save' && lang) {
    event.waitUntil(
      precache(lang, event).then(() => save(lang, event, reply)).then(
        () => reply({ saved: true }),
        async (error: unknown) => {
          const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
          // Half a language saved would look saved: remove it, and say why.
          await caches.delete(savedCache(lang));
          reply({ error: quota ? 'quota' : 'network' });
        },
      ),
    );
  } else if (data?.type === 'remove' && lang) {
    event.waitUntil(caches.delete(savedCache(lang)).then(() => reply({ removed: true })));
  }
});

/** The language's offline page, with the list of the other pages stored on this device. */
async function offlinePage(lang: string): Promise<Response> {
  // A language never visited has no offline page stored: the one of a language visited, then.
  let page = await matchPrecache(`/${lang}/offline/`);
  for (const other of LANGS) page ??= await matchPrecache(`/${other}/offline/`);
  if (!page) return Response.error();
  const { stored } = await status(lang);
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const items = stored.map(({ url, title }) => `<li><a href="${escape(url)}">${escape(title)}</a></li>`).join('');
  let html = await page.text();
  if (items) html = html.replace('data-offline-saved hidden', 'data-offline-saved').replace('<ul data-offline-list></ul>', `<ul data-offline-list>${items}</ul>`);
  return new Response(html, { status: 200, headers: page.headers });
}

/** Which of a language's pages are stored (saved or opened), and how large the rest is. */
async function status(lang: string) {
  const list = __PAGES__[lang] ?? [];
  // Looking must not create the caches: an empty saved cache would outlive "Remove saved pages".
  const open = async (name: string) => ((await caches.has(name)) ? caches.open(name) : null);
  const saved = await open(savedCache(lang));
  const visited = await open(VISITED);
  const stored: { url: string; title: string }[] = [];
  let savedCount = 0;
  let bytes = 0;
  for (const page of list) {
    const inSaved = Boolean(await saved?.match(page.url));
    if (inSaved) savedCount++;
    if (inSaved || (await visited?.match(page.url))) stored.push({ url: page.url, title: page.title });
    bytes += page.bytes;
  }
  return { build: __BUILD__, date: __BUILD_DATE__, total: list.length, saved: savedCount, bytes, stored, precached: await precached(lang) };
}
