/**
 * Shared helpers for the widget's browser tests (run by @web/test-runner, see
 * web-test-runner.config.mjs). The page has already loaded one build of the widget, source or
 * dist; tests that need a fresh page (nothing fetched yet, no globals yet) use an iframe.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { LookupResult } from '../../widget/search-client.ts';

type Fn = (this: { timeout(ms: number): void }) => unknown;
interface Mocha {
  describe(title: string, body: () => void): void;
  it(title: string, body: Fn): void;
  before(body: Fn): void;
  beforeEach(body: Fn): void;
  afterEach(body: Fn): void;
}
/** Mocha's globals, typed here rather than through @types/mocha, which would leak into the Vitest files. */
export const { describe, it, before, beforeEach, afterEach } = globalThis as unknown as Mocha;

/**
 * The engine, from its user agent. Firefox (BiDi) and WebKit (classic WebDriver) have no media
 * emulation in the runner, and WebKit's runner holds no modifier key: the few tests that need
 * those do it another way or leave that step to Chromium.
 */
export const ENGINE = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrome\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/** What the test page says about itself: the widget build under test and where the sites are. */
export const config = JSON.parse(document.querySelector<HTMLMetaElement>('meta[name="pos-faq-test"]')!.content) as {
  bundle: string;
  site: string;
  fixture: string;
};
/** Absolute address of the real FAQ site, as the widget reports it. */
export const SITE = new URL(config.site, location.href).href;

export interface Widget extends HTMLElement {
  lookup(query: string): Promise<LookupResult[]>;
}

const mounted: Element[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

// Every test ends with "the console stayed empty": no error or warning that a test did not ask
// for (watchWarnings swaps console.warn out while a test expects one), no uncaught error, no
// unhandled rejection.
const unexpected: string[] = [];
for (const level of ['error', 'warn'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    unexpected.push(`console.${level}: ${args.map(String).join(' ')}`);
    original(...args);
  };
}
addEventListener('error', (e) => unexpected.push(`uncaught: ${e.message}`));
addEventListener('unhandledrejection', (e) => unexpected.push(`unhandled rejection: ${String(e.reason)}`));
afterEach(() => {
  const lines = unexpected.splice(0);
  if (lines.length) throw new Error(`the console did not stay empty:\n${lines.join('\n')}`);
});

/** Adds a `<pos-faq-lookup>` with these attributes to the page; removed after the test. */
export function mount(attributes: Record<string, string> = {}, parent: ParentNode = document.body): Widget {
  const el = document.createElement('pos-faq-lookup') as Widget;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  parent.append(el);
  mounted.push(el);
  return el;
}

export const part = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const input = (el: Element) => part<HTMLInputElement>(el, 'input')!;
export const listbox = (el: Element) => part<HTMLUListElement>(el, '[role="listbox"]')!;
/** The options, which are the result links themselves. */
export const options = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
export const status = (el: Element) => part(el, '[role="status"]')!.textContent ?? '';

/** The entry ids of the options the box shows, top to bottom (from their links). */
export function shownIds(el: Element): string[] {
  return options(el).map((o) => o.pathname.split('/').filter(Boolean).pop()!);
}

/** Polls until `probe` returns something truthy; fails with `what` after `ms`. */
export async function until<T>(probe: () => T, what: string, ms = 8000): Promise<NonNullable<T>> {
  const end = performance.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A base under /slow/, which answers nothing for 10 s (web-test-runner.config.mjs), of its own:
 * the same test of the other widget build, in another tab of the same browser, must not hand it
 * its response from the shared HTTP cache (seen once: the error after 0.25 s instead of 8).
 */
export const slowSite = () => `/slow/${Math.random().toString(36).slice(2)}/`;

/** Focuses the box and types like a person, with real key events (CJK text arrives as input events). */
export async function type(el: Element, text: string): Promise<void> {
  input(el).focus();
  // WebKitWebDriver loses characters inside one `type` command: a letter that repeats the one
  // before it, and most spaces ("cracked screen after" arrives as "cracked screnafter", in a plain
  // <input> too). One command per character arrives whole, so WebKit types that way.
  if (ENGINE === 'webkit') for (const char of text) await sendKeys({ type: char });
  else await sendKeys({ type: text });
}

export const press = (key: string) => sendKeys({ press: key });

/** Resolves once the box shows the answer for the text in it: results, none, or an error. */
export function settled(el: Element, what = 'the answer'): Promise<unknown> {
  return until(
    () => listbox(el).getAttribute('aria-busy') === 'false' && (status(el) !== '' || part(el, '.pf-error')),
    what,
  );
}

/** Types a query and waits until the options answer it. */
export async function search(el: Element, text: string): Promise<string[]> {
  await type(el, text);
  await settled(el, `results for "${text}"`);
  return shownIds(el);
}

/** Records console.warn calls made during a test. */
export function watchWarnings(): { lines: string[]; restore(): void } {
  const original = console.warn;
  const lines: string[] = [];
  console.warn = (...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  };
  return { lines, restore: () => (console.warn = original) };
}

/** Collects the events of one type that reach the document. */
export function collect<T>(type: string): { events: CustomEvent<T>[]; stop(): void } {
  const events: CustomEvent<T>[] = [];
  const listener = (e: Event) => events.push(e as CustomEvent<T>);
  document.addEventListener(type, listener);
  return { events, stop: () => document.removeEventListener(type, listener) };
}

/**
 * A fresh same-origin page in an iframe with the widget build under test loaded by a script tag,
 * and the given markup in its body: its own globals, module map and Pagefind instances.
 */
export async function frame(body: string, { width = 800, height = 600 } = {}): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = `width:${width}px;height:${height}px;border:0`;
  iframe.srcdoc = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title></head><body>${body}</body></html>`;
  mounted.push(iframe);
  document.body.append(iframe);
  await new Promise((r) => iframe.addEventListener('load', r, { once: true }));
  return iframe;
}

/** Loads the widget build under test into a frame and resolves once the element is defined. */
export async function loadWidget(iframe: HTMLIFrameElement): Promise<void> {
  const doc = iframe.contentDocument!;
  const script = doc.createElement('script');
  script.src = new URL(config.bundle, location.href).href;
  const loaded = new Promise((r, j) => {
    script.onload = r;
    script.onerror = j;
  });
  doc.head.append(script);
  await loaded;
}

/** Resources the frame's document fetched from the FAQ site's search index so far. */
export function indexRequests(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => name.includes('/pagefind/'));
}
