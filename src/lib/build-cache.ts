/**
 * Values computed once per `astro build` and shared by the two copies of our modules that a build
 * loads: the config's (the integrations, at `astro:build:done`) and the prerender bundle's (the
 * pages). Each copy has module state of its own, so without this the catalogue was read, parsed and
 * checked twice, and the widget bundled twice. The store lives on `globalThis` and is replaced at
 * every `astro:build:start` (src/integrations/build-cache.ts), so a later build in the same process
 * never sees an earlier one's values; outside a build (`astro dev`, tests) nothing is shared.
 */
const KEY = Symbol.for('pos-faq:build-cache');

type Holder = { [KEY]?: Map<string, unknown> };

/** Starts an empty store for the build about to run. */
export function startBuildCache(): void {
  (globalThis as Holder)[KEY] = new Map();
}

/** `make()`'s value for `key`, computed once per build; outside a build, computed every call. */
export function buildCached<T>(key: string, make: () => T): T {
  const store = (globalThis as Holder)[KEY];
  if (!store) return make();
  if (!store.has(key)) store.set(key, make());
  return store.get(key) as T;
}
