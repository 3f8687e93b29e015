// WebKit, the engine of Safari: WebKitGTK driven through WebKitWebDriver (plain W3C WebDriver
// over HTTP) with the shell in tests/helpers/webkit-shell.py, on a virtual display (display.ts).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDisplay, freePort, spawnTied } from './display.ts';
import { DESKTOP, flushed, NO_WASM, poll, type Engine, type LaunchOptions, type Tab } from './engine-tab.ts';

export const WEBKIT_DRIVER = process.env['WEBKIT_DRIVER'] ?? '/usr/bin/WebKitWebDriver';
export const WEBKIT_SHELL = resolve(import.meta.dirname, 'webkit-shell.py');

/** Keys as W3C WebDriver encodes them. */
const WD_KEYS = { Enter: '\uE007', ArrowDown: '\uE015', Tab: '\uE004' } as const;

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

export async function launchWebKit(options: LaunchOptions): Promise<Engine> {
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
