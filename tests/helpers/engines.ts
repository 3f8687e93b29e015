// The three browser engines the tests run in, behind one small interface: Chromium and Firefox
// through puppeteer-core (CDP and WebDriver BiDi), WebKitGTK through WebKitWebDriver (plain W3C
// WebDriver over HTTP) with the shell in tests/helpers/webkit-shell.py, on a virtual display that
// is started here when needed. Facts about driving them: README, "Browser engines".
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser as PBrowser, type Page } from 'puppeteer-core';
import { CHROME_FLAGS, CHROME_PATH } from './browser.ts';

export type EngineName = 'chromium' | 'firefox' | 'webkit';
export const ALL_ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** The engines to run: all three, or those named in ENGINES (`ENGINES=firefox npm test`). */
export const ENGINES: EngineName[] = (() => {
  const wanted = (process.env['ENGINES'] ?? '').split(/[\s,]+/).filter(Boolean);
  if (!wanted.length) return [...ALL_ENGINES];
  for (const name of wanted) {
    if (!ALL_ENGINES.includes(name as EngineName)) {
      throw new Error(`ENGINES names "${name}": use chromium, firefox and/or webkit, separated by commas.`);
    }
  }
  return ALL_ENGINES.filter((e) => wanted.includes(e));
})();

/** What each engine here is, from the binaries themselves (for the test report and .ci/run). */
export function engineVersions(): Record<EngineName, string> {
  const out = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'not installed';
    }
  };
  return {
    chromium: out(CHROME_PATH, ['--version']).replace(/ built on .*/, ''),
    firefox: out(FIREFOX_PATH, ['--version']),
    webkit: `WebKitGTK ${out('/usr/bin/python3', [
      '-c',
      "import gi; gi.require_version('WebKit2', '4.1'); from gi.repository import WebKit2 as W; print(f'{W.get_major_version()}.{W.get_minor_version()}.{W.get_micro_version()}')",
    ])}`,
  };
}

export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env['WEBKIT_DRIVER'] ?? '/usr/bin/WebKitWebDriver';
export const WEBKIT_SHELL = resolve(import.meta.dirname, 'webkit-shell.py');

export interface LaunchOptions {
  /** Source run in every document before the page's own scripts, e.g. to delete a global. */
  preload?: string;
  /** A browser without WebAssembly: Firefox's own switch; elsewhere the global is deleted first. */
  noWasm?: boolean;
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
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /** The browser's own name and version, as it reports them. */
  readonly version: string;
  /**
   * A new tab. In Firefox the first tab of a BiDi session never gets system focus (a click
   * focuses an input without a focus event), so tabs are new ones unless `firstTab` asks for it.
   */
  newTab(viewport?: Viewport, options?: { firstTab?: boolean }): Promise<Tab>;
  close(): Promise<void>;
}

const DESKTOP: Viewport = { width: 1280, height: 900 };
const NO_WASM = 'delete globalThis.WebAssembly;';

/** Keys as W3C WebDriver encodes them. */
const WD_KEYS = { Enter: '\uE007', ArrowDown: '\uE015', Tab: '\uE004' } as const;

export async function launchEngine(name: EngineName, options: LaunchOptions = {}): Promise<Engine> {
  return name === 'webkit' ? launchWebKit(options) : launchPuppeteer(name, options);
}

// ---------------------------------------------------------------------------------------------
// Chromium and Firefox: puppeteer-core

async function launchPuppeteer(name: 'chromium' | 'firefox', options: LaunchOptions): Promise<Engine> {
  const preload = [options.noWasm && name === 'chromium' ? NO_WASM : '', options.preload ?? ''].join('\n').trim();
  const browser: PBrowser =
    name === 'chromium'
      ? await puppeteer.launch({
          executablePath: CHROME_PATH,
          headless: true,
          args: CHROME_FLAGS,
          userDataDir: mkdtempSync(join(tmpdir(), 'pos-faq-chrome-')),
        })
      : await puppeteer.launch({
          browser: 'firefox',
          executablePath: FIREFOX_PATH,
          headless: true,
          extraPrefsFirefox: {
            // Puppeteer's profile turns this off; a real user has it on, which matters from file://.
            'security.fileuri.strict_origin_policy': true,
            ...(options.noWasm ? { 'javascript.options.wasm': false } : {}),
          },
        });
  const version = await browser.version();
  return {
    name,
    version,
    async newTab(viewport = DESKTOP, { firstTab = false } = {}) {
      // Only Firefox's first tab lacks system focus; Chromium's first tab is like any other.
      const page =
        firstTab && name === 'firefox'
          ? ((await browser.pages())[0] ?? (await browser.newPage()))
          : await browser.newPage();
      await page.setViewport(viewport);
      if (preload) await page.evaluateOnNewDocument(preload);
      return puppeteerTab(name, page);
    },
    close: () => browser.close(),
  };
}

function puppeteerTab(engine: EngineName, page: Page): Tab {
  const log: string[] = [];
  page.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  const tab: Tab = {
    engine,
    console: () => flushed(tab, log),
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, ...args) => page.evaluate(fn as never, ...(args as unknown as never[])) as never,
    async waitFor(fn, args, what, timeout = 10_000) {
      return poll(() => page.evaluate(fn as never, ...(args as unknown as never[])) as never, what, timeout);
    },
    waitForUrl: (test, what, timeout = 10_000) =>
      poll(async () => (test(page.url()) ? page.url() : null), what, timeout),
    url: async () => page.url(),
    async click(selector) {
      await page.click(selector);
    },
    async typeInWidget(text) {
      const input = await page.waitForSelector('pos-faq-lookup >>> input', { timeout: 10_000 });
      await input!.click();
      await input!.type(text, { delay: 30 });
    },
    type: (text) => page.keyboard.type(text, { delay: 30 }),
    press: (key) => page.keyboard.press(key),
    async close() {
      await page.close().catch(() => {});
    },
  };
  return tab;
}

// ---------------------------------------------------------------------------------------------
// WebKit: WebKitWebDriver and the WebKitGTK shell, on a virtual display

let display: Promise<string> | undefined;

/**
 * Starts a command that ends with this process, however this process ends: a small shell
 * watches it and stops the command once it is gone (a test worker may be killed without running
 * its exit handlers, which would leave a display or a driver behind).
 */
export function spawnTied(command: string, args: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  const watch = `"$@" & c=$!; trap 'kill $c 2>/dev/null' EXIT INT TERM; while kill -0 ${process.pid} 2>/dev/null && kill -0 $c 2>/dev/null; do sleep 1; done`;
  const child = spawn('sh', ['-c', watch, 'sh', command, ...args], options);
  process.once('exit', () => child.kill());
  return child;
}

/**
 * A display for WebKitGTK: $DISPLAY if set, else an Xvfb started here (on a display number it
 * picks itself) and stopped when this process ends. `npm test` starts one for all test files
 * (tests/global-setup.ts).
 */
export function ensureDisplay(): Promise<string> {
  if (process.env['DISPLAY']) return Promise.resolve(process.env['DISPLAY']);
  display ??= new Promise((ok, fail) => {
    const xvfb = spawnTied('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let err = '';
    xvfb.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    xvfb.on('error', (e) => fail(new Error(`Cannot start Xvfb (apt-get install xvfb): ${e.message}`)));
    xvfb.on('exit', (code) => fail(new Error(`Xvfb exited with ${code}: ${err.trim()}`)));
    (xvfb.stdio[3] as NodeJS.ReadableStream).once('data', (d: Buffer) => {
      // Running now: it must not keep this process alive (it ends with it).
      xvfb.unref();
      for (const s of xvfb.stdio) (s as { unref?: () => void } | null)?.unref?.();
      ok(`:${d.toString().trim()}`);
    });
  });
  return display;
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

export interface WebKitDriver {
  url: string;
  port: number;
  /** Everything the driver and the browsers it started printed. */
  onLine(listener: (line: string) => void): void;
  stop(): void;
}

/** Starts WebKitWebDriver on a free port with a display; resolves once it answers. */
export async function startWebKitDriver(): Promise<WebKitDriver> {
  if (!existsSync(WEBKIT_DRIVER)) {
    throw new Error(`No ${WEBKIT_DRIVER}: apt-get install webkit2gtk-driver gir1.2-webkit2-4.1 python3-gi xvfb`);
  }
  const DISPLAY = await ensureDisplay();
  const port = await freePort();
  const child = spawnTied(WEBKIT_DRIVER, [`--port=${port}`], {
    env: { ...process.env, DISPLAY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const listeners: ((line: string) => void)[] = [];
  let buffered = '';
  const feed = (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) for (const l of listeners) l(line);
  };
  child.stdout!.on('data', feed);
  child.stderr!.on('data', feed);
  const stop = () => {
    if (child.exitCode === null) child.kill();
  };
  const url = `http://127.0.0.1:${port}`;
  await poll(
    async () => {
      const status = await fetch(`${url}/status`).catch(() => null);
      return status?.ok ? true : null;
    },
    'WebKitWebDriver to answer',
    10_000,
  );
  return { url, port, onLine: (l) => listeners.push(l), stop };
}

interface WdError {
  error: string;
  message: string;
}

async function wd<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as { value: T | WdError };
  if (!response.ok) {
    const e = json.value as WdError;
    throw new Error(`WebDriver ${method} ${new URL(url).pathname}: ${e.error}: ${e.message}`);
  }
  return json.value as T;
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** One console line the WebKit shell printed (`POS-FAQ-CONSOLE warn: text`), or null for other output. */
export function webkitConsoleLine(line: string): string | null {
  const m = /^POS-FAQ-CONSOLE (.*)$/.exec(line);
  return m ? m[1]! : null;
}

async function launchWebKit(options: LaunchOptions): Promise<Engine> {
  const driver = await startWebKitDriver();
  const args: string[] = ['--console'];
  const preload = [options.noWasm ? NO_WASM : '', options.preload ?? ''].join('\n').trim();
  if (preload) {
    const file = join(mkdtempSync(join(tmpdir(), 'pos-faq-webkit-')), 'preload.js');
    writeFileSync(file, preload);
    args.push(`--user-script=${file}`);
  }
  let session: { sessionId: string; capabilities: { browserName: string; browserVersion: string } };
  try {
    session = await wd('POST', `${driver.url}/session`, {
      capabilities: {
        alwaysMatch: { 'webkitgtk:browserOptions': { binary: WEBKIT_SHELL, args } },
      },
    });
  } catch (error) {
    driver.stop();
    throw error;
  }
  const base = `${driver.url}/session/${session.sessionId}`;
  let current: string[] | null = null;
  driver.onLine((line) => {
    const entry = webkitConsoleLine(line);
    if (entry && current) current.push(entry);
  });
  return {
    name: 'webkit',
    version: `WebKitGTK ${session.capabilities.browserVersion}`,
    async newTab(viewport = DESKTOP) {
      // One window per session, reused: a new tab is a fresh document in it.
      await wd('POST', `${base}/url`, { url: 'about:blank' });
      await wd('POST', `${base}/window/rect`, viewport);
      const log: string[] = [];
      current = log;
      return webkitTab(base, log, () => {
        if (current === log) current = null;
      });
    },
    async close() {
      await wd('DELETE', base).catch(() => {});
      driver.stop();
    },
  };
}

function webkitTab(base: string, log: string[], detach: () => void): Tab {
  /** Runs `fn` in the page with JSON arguments; a rejection comes back as an error. */
  const run = async <T>(fn: string, args: unknown[]): Promise<T> => {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((value) => done({ value: value === undefined ? null : value }), (e) => done({ error: String(e && e.stack || e) }));`;
    const out = await wd<{ value?: T; error?: string }>('POST', `${base}/execute/async`, { script, args });
    if (out.error) throw new Error(`in the page: ${out.error}`);
    return out.value as T;
  };
  const keys = (text: string) => ({
    actions: [
      {
        type: 'key',
        id: 'keyboard',
        actions: [...text].flatMap((value) => [
          { type: 'keyDown', value },
          { type: 'keyUp', value },
        ]),
      },
    ],
  });
  const clickAt = async (x: number, y: number) => {
    await wd('POST', `${base}/actions`, {
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await wd('DELETE', `${base}/actions`);
  };
  const tab: Tab = {
    engine: 'webkit',
    console: () => flushed(tab, log),
    async goto(url) {
      await wd('POST', `${base}/url`, { url });
    },
    evaluate: (fn, ...args) => run(fn.toString(), args),
    waitFor: (fn, args, what, timeout = 10_000) => poll(() => run(fn.toString(), args), what, timeout),
    waitForUrl: (test, what, timeout = 10_000) =>
      poll(
        async () => {
          const url = await wd<string>('GET', `${base}/url`).catch(() => '');
          return test(url) ? url : null;
        },
        what,
        timeout,
      ),
    url: () => wd<string>('GET', `${base}/url`),
    async click(selector) {
      const el = await wd<Record<string, string>>('POST', `${base}/element`, {
        using: 'css selector',
        value: selector,
      });
      await wd('POST', `${base}/element/${el[ELEMENT]}/click`, {});
    },
    async typeInWidget(text) {
      // Element Click lands on the shadow host: click the box by its coordinates instead, then
      // send the text to it (Element Send Keys types CJK text that key actions cannot).
      const box = await poll(
        () =>
          run<{ x: number; y: number } | null>(
            `() => {
              const input = document.querySelector('pos-faq-lookup')?.shadowRoot?.querySelector('input');
              if (!input) return null;
              input.scrollIntoView({ block: 'center' });
              const r = input.getBoundingClientRect();
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }`,
            [],
          ),
        'the widget’s box',
        10_000,
      );
      await clickAt(box.x, box.y);
      const input = await run<Record<string, string>>(
        `() => document.querySelector('pos-faq-lookup').shadowRoot.querySelector('input')`,
        [],
      );
      await wd('POST', `${base}/element/${input[ELEMENT]}/value`, { text });
    },
    async type(text) {
      await wd('POST', `${base}/actions`, keys(text));
    },
    async press(key) {
      await wd('POST', `${base}/actions`, keys(WD_KEYS[key]));
    },
    async close() {
      detach();
      await wd('POST', `${base}/url`, { url: 'about:blank' }).catch(() => {});
    },
  };
  return tab;
}

// ---------------------------------------------------------------------------------------------

let markers = 0;
/**
 * The log once it has caught up with the page: console lines reach the test asynchronously
 * (from WebKit through the driver's stdout), so the page writes a marker and the log is read
 * when the marker has arrived. Lines that come from one page arrive in order.
 */
async function flushed(tab: Tab, log: string[]): Promise<string[]> {
  const marker = `pos-faq-test-marker-${++markers}`;
  await tab.evaluate((m) => console.info(m), marker).catch(() => {});
  const end = Date.now() + 5_000;
  while (!log.some((l) => l.endsWith(marker)) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return log.filter((l) => !/pos-faq-test-marker-\d+$/.test(l));
}

async function poll<T>(probe: () => Promise<T | null | undefined | false | '' | 0>, what: string, timeout: number) {
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
