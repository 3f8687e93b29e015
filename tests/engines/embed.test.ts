// The widget embedded on another origin, in every engine (ENGINES picks some): under the strict
// CSP the README documents, with hostile CSS; and its failure paths (no CORS, a CSP without
// 'wasm-unsafe-eval', a browser without WebAssembly). tests/e2e/embed.test.ts holds the longer
// Chromium-only cases (SRI, timeout, 404, keyboard choice).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/static-server.mjs';
import { DIST } from '../helpers/build.ts';
import { startHost, type HostOptions, type Origin } from '../helpers/embed-host.ts';
import { engineForSuite } from '../helpers/engine-suite.ts';
import { ENGINES, pageLines, type Engine, type Tab } from '../helpers/engines.ts';

const SITE = process.env['POS_FAQ_SITE'] ?? DIST;

let faq: Origin;
let faqWithoutCors: Origin;
let host: Awaited<ReturnType<typeof startHost>>;

beforeAll(async () => {
  faq = await startServer({ root: SITE });
  faqWithoutCors = await startServer({
    root: SITE,
    transform: (_path, headers) => {
      const { ['Access-Control-Allow-Origin']: _a, ['Cross-Origin-Resource-Policy']: _c, ...rest } = headers;
      return rest;
    },
  });
  for (const o of [faq, faqWithoutCors]) o.url = o.url.replace(/\/$/, '');
  host = await startHost();
});
afterAll(async () => {
  await Promise.all([faq, faqWithoutCors, host].map((o) => o?.close()));
});

interface Seen {
  type: string;
  detail: { type?: string; message?: string; id?: string };
}

/** Serves a host page with these options at a fresh path and opens it, listening for the widget's events. */
async function openHost(engine: Engine, options: HostOptions, viewport = { width: 1280, height: 900 }): Promise<Tab> {
  const path = `/support-${engine.name}-${host.pages.size}`;
  host.pages.set(path, options);
  const tab = await engine.newTab(viewport);
  await tab.goto(`${host.url}${path}`);
  await tab.waitFor(() => customElements.get('pos-faq-lookup') !== undefined, [], 'the widget to be defined');
  // Listeners from the test, not from the page: the host's CSP allows no script of its own.
  // Nothing is fired before the first keystroke, so listening after the load misses nothing.
  await tab.evaluate(() => {
    const seen: Seen[] = [];
    (window as unknown as { seen: Seen[] }).seen = seen;
    for (const type of ['pos-faq-error', 'pos-faq-select']) {
      document.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
    }
  });
  return tab;
}

const seen = (tab: Tab) => tab.evaluate(() => (window as unknown as { seen: Seen[] }).seen);

async function results(tab: Tab): Promise<string[]> {
  await tab.waitFor(
    () => {
      const root = document.querySelector('pos-faq-lookup')?.shadowRoot;
      return (
        root?.querySelector('[role="listbox"]')?.getAttribute('aria-busy') === 'false' &&
        !!root.querySelector('[role="option"]')
      );
    },
    [],
    'results',
  );
  return tab.evaluate(() =>
    [...document.querySelector('pos-faq-lookup')!.shadowRoot!.querySelectorAll('[role="option"]')].map(
      (a) => (a as HTMLAnchorElement).href,
    ),
  );
}

/** The error note once it is shown: its text and its link. */
function errorNote(tab: Tab): Promise<{ text: string; href: string } | null> {
  return tab.waitFor(
    () => {
      const note = document.querySelector('pos-faq-lookup')?.shadowRoot?.querySelector('.pf-error');
      return note ? { text: note.textContent ?? '', href: note.querySelector('a')?.href ?? '' } : null;
    },
    [],
    'the error note',
  );
}

/** The search index's files the page fetched (Resource Timing: the same in every engine). */
const indexRequests = (tab: Tab) =>
  tab.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => name.includes('/pagefind/')),
  );

/** The host page still does what it did without the widget. */
async function expectHostWorks(tab: Tab): Promise<void> {
  await tab.click('#host-link');
  expect(await tab.evaluate(() => location.hash)).toBe('#kontakt');
  expect(await tab.evaluate(() => document.title)).toBe('Händler-Support');
}

describe.each(ENGINES)('the embedded widget in %s', (name) => {
  const engine = engineForSuite(name, 'tests/engines/embed.test.ts');

  it('finds the network entry first for 连接超时 on a German page under the strict CSP and hostile CSS, console empty', async () => {
    const tab = await openHost(engine(), { faq: faq.url, lang: 'zh-CN' }, { width: 360, height: 740 });
    await tab.typeInWidget('连接超时');
    const hrefs = await results(tab);
    expect(hrefs[0]).toBe(`${faq.url}/zh/symptoms/network-timeout/`);
    const box = await tab.evaluate(() => {
      const el = document.querySelector('pos-faq-lookup')!;
      const i = el.shadowRoot!.querySelector('input')!;
      const style = getComputedStyle(i);
      return {
        value: i.value,
        height: i.getBoundingClientRect().height,
        font: style.fontSize,
        spacing: style.letterSpacing,
        color: style.color,
        status: el.shadowRoot!.querySelector('[role="status"]')!.textContent,
        who: el.shadowRoot!.querySelector('[role="option"]')!.textContent,
        wide: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    });
    expect(box.value).toBe('连接超时');
    expect(box.status).toMatch(/^找到 \d+ 条$/);
    expect(box.who).toContain('谁来处理');
    // The hostile stylesheet did not reach inside: a normal, thumb-sized box.
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(Number.parseFloat(box.font)).toBeCloseTo(16.8, 3);
    expect(['normal', '0px']).toContain(box.spacing);
    expect(box.color).not.toBe('rgb(255, 0, 0)');
    expect(box.wide, 'the host page scrolls sideways at 360 px').toBe(false);
    expect(await tab.console()).toEqual([]);
    await tab.close();
  });

  it('resolves lookup("51") to insufficient funds, then with open="page" opens a chosen entry on the FAQ site', async () => {
    const tab = await openHost(engine(), { faq: faq.url, lang: 'en', attributes: { open: 'page' } });
    const first = await tab.evaluate(async () => {
      const el = document.querySelector('pos-faq-lookup') as HTMLElement & {
        lookup(q: string): Promise<{ id: string }[]>;
      };
      return (await el.lookup('51'))[0]?.id;
    });
    expect(first).toBe('insufficient-funds');
    await tab.typeInWidget('receipt blank');
    const hrefs = await results(tab);
    await tab.press('ArrowDown');
    await tab.press('Enter');
    await tab.waitForUrl((u) => u === hrefs[0], `the entry ${hrefs[0]}`);
    expect(await tab.console()).toEqual([]);
    await tab.close();
  });

  it('without CORS headers: says so, links to the FAQ site, fires "network" once, logs one line', async () => {
    const tab = await openHost(engine(), { faq: faqWithoutCors.url, lang: 'zh-CN' });
    await tab.typeInWidget('连接超时');
    const note = (await errorNote(tab))!;
    expect(note.text).toBe('查询服务暂时无法使用。请直接打开 POS 机故障自助指南');
    expect(note.href).toBe(`${faqWithoutCors.url}/zh/`);
    expect((await seen(tab)).map((e) => [e.type, e.detail.type])).toEqual([['pos-faq-error', 'network']]);
    expect(pageLines(await tab.console())).toEqual([
      expect.stringMatching(/^warn: \[pos-faq\] could not load .*pagefind\.js/),
    ]);
    expect(pageLines(await tab.console()).filter((l) => l.startsWith('pageerror'))).toEqual([]);
    await expectHostWorks(tab);
    await tab.close();
  });

  // Finding 1: JavaScriptCore compiles WebAssembly under such a CSP and refuses only to
  // instantiate it, so a compile probe let Pagefind download and log its own errors in WebKit.
  it('under a CSP without \'wasm-unsafe-eval\': "blocked", one console line, and nothing downloaded', async () => {
    const csp = `default-src 'self'; script-src ${faq.url}; connect-src ${faq.url}`;
    const tab = await openHost(engine(), { faq: faq.url, lang: 'en', csp });
    await tab.typeInWidget('51');
    await errorNote(tab);
    const events = await seen(tab);
    expect(events.map((e) => e.detail.type)).toEqual(['blocked']);
    expect(events[0]!.detail.message).toContain("'wasm-unsafe-eval'");
    expect(await indexRequests(tab)).toEqual([]);
    expect(pageLines(await tab.console())).toEqual([expect.stringMatching(/^warn: \[pos-faq\] .*'wasm-unsafe-eval'/)]);
    await expectHostWorks(tab);
    await tab.close();
  });
});

// Finding 3: a browser without WebAssembly was told to fix a CSP that is fine.
describe.each(ENGINES)('a browser without WebAssembly (%s)', (name) => {
  const engine = engineForSuite(name, 'tests/engines/embed.test.ts (no WebAssembly)', { noWasm: true });

  it('is told apart from a CSP problem: type "unsupported", a message that clears the CSP, nothing downloaded', async () => {
    expect(
      await (async () => {
        const tab = await engine().newTab();
        await tab.goto(`${host.url}/nothing`);
        const kind = await tab.evaluate(() => typeof WebAssembly);
        await tab.close();
        return kind;
      })(),
    ).toBe('undefined');
    const tab = await openHost(engine(), { faq: faq.url, lang: 'zh-CN' });
    await tab.typeInWidget('51');
    const note = (await errorNote(tab))!;
    expect(note.href).toBe(`${faq.url}/zh/`);
    const events = await seen(tab);
    expect(events.map((e) => e.detail.type)).toEqual(['unsupported']);
    expect(events[0]!.detail.message).toMatch(/no WebAssembly/);
    expect(events[0]!.detail.message).not.toMatch(/add 'wasm-unsafe-eval'/);
    expect(await indexRequests(tab)).toEqual([]);
    expect(pageLines(await tab.console())).toEqual([
      expect.stringMatching(/^warn: \[pos-faq\] this browser has no WebAssembly/),
    ]);
    await expectHostWorks(tab);
    await tab.close();
  });

  it('on the FAQ site itself, the error note links to the catalogue, not to the page it is on', async () => {
    for (const [path, target] of [
      ['/zh/', '/zh/symptoms/'],
      ['/en/embed/', '/en/symptoms/'],
    ] as const) {
      const tab = await engine().newTab();
      await tab.goto(`${faq.url}${path}`);
      await tab.typeInWidget('51');
      const note = (await errorNote(tab))!;
      expect(new URL(note.href).pathname, path).toBe(target);
      expect(pageLines(await tab.console())).toEqual([
        expect.stringMatching(/^warn: \[pos-faq\] this browser has no WebAssembly/),
      ]);
      await tab.close();
    }
  });
});
