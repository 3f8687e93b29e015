// The interface every engine answers to (engines.ts for Chromium and Firefox, webkit.ts for
// WebKit), and what the engines share: waiting on a page, and reading its console once flushed.

export type EngineName = 'chromium' | 'firefox' | 'webkit';

export interface LaunchOptions {
  /** Source run in every document before the page's own scripts, e.g. to delete a global. */
  preload?: string;
  /** A browser without WebAssembly: Firefox's own switch; elsewhere the global is deleted first. */
  noWasm?: boolean;
  /**
   * Chromium only: pages that live a second each, only to be audited, with V8's interpreter and
   * baseline compiler alone: its optimizing compilers (Maglev, TurboFan) spend more CPU, on the
   * other threads, than they save such pages (about a tenth of the every-page gate's CPU).
   */
  shortLived?: boolean;
}

export interface Viewport {
  width: number;
  height: number;
}

/** One page in one engine. Functions passed to `evaluate` run in the page and must be self-contained. */
export interface Tab {
  readonly engine: EngineName;
  /**
   * Console lines since the tab opened, once every line the page wrote so far has arrived:
   * `warn: text`, `error: text`, `pageerror: text`, `browser: text` (the engine's own notes).
   */
  console(): Promise<string[]>;
  goto(url: string): Promise<void>;
  evaluate<A extends unknown[], T>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T>;
  /** Polls `fn` in the page until it returns something truthy. */
  waitFor<A extends unknown[], T>(fn: (...args: A) => T, args: A, what: string, timeout?: number): Promise<T>;
  /** Waits until the page's address passes `test` (after a click or key that navigates). */
  waitForUrl(test: (url: string) => boolean, what: string, timeout?: number): Promise<string>;
  url(): Promise<string>;
  /** Clicks an element of the page (not in a shadow root) like a person. */
  click(selector: string): Promise<void>;
  /** Clicks into the box of the first `<pos-faq-lookup>` and types `text` there like a person. */
  typeInWidget(text: string): Promise<void>;
  /** Types into whatever has focus. */
  type(text: string): Promise<void>;
  press(key: 'Enter' | 'ArrowDown' | 'Tab'): Promise<void>;
  /**
   * Chromium only (the DevTools protocol): resizes the tab and sets its colour scheme, with
   * reduced motion so that no transition is caught half-way when the colours change.
   */
  view?(viewport: Viewport, scheme: 'light' | 'dark'): Promise<void>;
  /** Chromium only: the site paths of every script and stylesheet the tab has loaded. */
  loaded?(): string[];
  close(): Promise<void>;
}

export interface TabOptions {
  /** Firefox's first tab, which never gets system focus under BiDi. */
  firstTab?: boolean;
  /**
   * A window of its own, so that it is never a hidden background tab (whose animation frames do
   * not run) while other tabs work beside it: in headless Chromium too, a tab opened before the
   * last one is hidden. WebKit has one window.
   */
  ownWindow?: boolean;
}

export interface Engine {
  readonly name: EngineName;
  /** The browser's own name and version, as it reports them. */
  readonly version: string;
  /**
   * A new tab. In Firefox the first tab of a BiDi session never gets system focus (a click
   * focuses an input without a focus event), so tabs are new ones unless `firstTab` asks for it.
   */
  newTab(viewport?: Viewport, options?: TabOptions): Promise<Tab>;
  close(): Promise<void>;
}


export const DESKTOP: Viewport = { width: 1280, height: 900 };
export const NO_WASM = 'delete globalThis.WebAssembly;';

let markers = 0;
/**
 * The log once it has caught up with the page: console lines reach the test asynchronously
 * (from WebKit through the driver's stdout), so the page writes a marker and the log is read
 * when the marker has arrived. Lines that come from one page arrive in order.
 */
export async function flushed(tab: Tab, log: string[]): Promise<string[]> {
  const marker = `pos-faq-test-marker-${++markers}`;
  await tab.evaluate((m) => console.info(m), marker).catch(() => {});
  const end = Date.now() + 5_000;
  while (!log.some((l) => l.endsWith(marker)) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return log.filter((l) => !/pos-faq-test-marker-\d+$/.test(l));
}

export async function poll<T>(probe: () => Promise<T | null | undefined | false | '' | 0>, what: string, timeout: number) {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as T;
    } catch (error) {
      // A page that is navigating away answers with an error; try again.
      last = error;
    }
    if (Date.now() > end) {
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Console lines that came from the page's code, the browsers' own network and security notes
 * aside (Firefox reports those through BiDi as errors of the page, Chromium as console errors).
 */
export const pageLines = (log: string[]) =>
  log.filter(
    (l) =>
      !l.startsWith('browser:') &&
      !/^\w+: (Failed to load resource|Access to .* blocked by CORS policy|Cross-Origin Request Blocked|Refused to |Loading module from|NetworkError|Content-Security-Policy: The page’s settings)/.test(
        l,
      ),
  );

/**
 * Every address the page fetched that is not a file: on a page opened from the disk, what left it.
 * BiDi reports no network events for file: URLs; Resource Timing sees every fetch.
 */
export const offDisk = (tab: Tab) =>
  tab.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => !u.startsWith('file:')),
  );
