import type { Engine, EngineName, Tab, Viewport } from './engine-tab.ts';

/**
 * How many pages of one engine a per-page gate keeps open at once: a page spends part of its
 * time waiting (the network, fonts, idle callbacks), which a second window fills. More than two
 * only crowd two cores, with another test file beside this one. WebKit's driver has one window
 * per session: one there.
 */
export const TABS: Record<EngineName, number> = { chromium: 2, firefox: 2, webkit: 1 };

/**
 * Runs `visit` on every item in a few tabs of `engine` side by side, each tab taking the next
 * item, and returns the results in the items' order. Each tab is a window of its own, so that
 * none is a hidden background tab (whose animation frames would not run).
 */
export async function inTabs<T, R>(
  engine: Engine,
  items: readonly T[],
  visit: (tab: Tab, item: T) => Promise<R>,
  viewport?: Viewport,
  tabs = TABS[engine.name],
): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(tabs, items.length) }, async () => {
      const tab = await engine.newTab(viewport, { ownWindow: true });
      try {
        for (let i = next++; i < items.length; i = next++) out[i] = await visit(tab, items[i]!);
      } finally {
        await tab.close();
      }
    }),
  );
  return out;
}
