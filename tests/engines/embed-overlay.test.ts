// A vendor overlay (README, "Vendor overlays") in every engine (ENGINES picks some): the widget on
// the vendor's page, another origin than the FAQ site's, under the strict CSP with `'self'` added
// to connect-src for the overlay the page serves, and the hostile stylesheet; and the overlay's
// offline bundle from file://. The example overlay, examples/overlay/, is what the vendor hosts.
// Quick on purpose: one browser per engine and one host page for every scenario on the web, with a
// widget each: the example overlay (typed into), a hand-edited one with markup, and a missing, a
// broken and an invalid one. Widgets load their overlay at their own first search only.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/static-server.mjs';
import { loadCatalogue } from '../../src/lib/catalogue.ts';
import { loadOverlay, overlayJson } from '../../src/lib/overlay.ts';
import { DIST, FIXTURE_DIST, ROOT } from '../helpers/build.ts';
import { openHostPage, startHost, type HostOptions, type Origin } from '../helpers/embed-host.ts';
import { engineForSuite } from '../helpers/engine-suite.ts';
import { ENGINES, offDisk, pageLines, type Engine, type Tab } from '../helpers/engines.ts';
import { offlineBundle } from '../helpers/offline.ts';

const SITE = process.env['POS_FAQ_SITE'] ?? DIST;
const EXAMPLE = resolve(ROOT, 'examples/overlay');

let faq: Origin;
let host: Awaited<ReturnType<typeof startHost>>;

beforeAll(async () => {
  faq = await startServer({ root: SITE });
  faq.url = faq.url.replace(/\/$/, '');
  host = await startHost();
  const json = overlayJson(loadOverlay(EXAMPLE, loadCatalogue(resolve(ROOT, 'faq'), ROOT), ROOT));
  host.files.set('/help/acme.json', { type: 'application/json', body: json });
  // Cut off halfway, as a failed upload leaves it.
  host.files.set('/help/broken.json', { type: 'application/json', body: json.slice(0, 500) });
  // JSON, but not an overlay: an entry without steps.
  const invalid = JSON.parse(json) as { en: { entries: { steps?: string[] }[] } };
  delete invalid.en.entries[0]!.steps;
  host.files.set('/help/invalid.json', { type: 'application/json', body: JSON.stringify(invalid) });
  // Hand-edited after `npm run overlay` (which refuses markup): markup in a title and a step.
  const marked = JSON.parse(json) as { en: { entries: { id: string; title: string; steps: string[] }[] } };
  const overheat = marked.en.entries.find((e) => e.id === 'printer-overheat')!;
  overheat.title = '<img src=x onerror="window.pwned=1">E101 Printer overheated';
  overheat.steps[0] = '<b id="bold">Stop printing</b>';
  host.files.set('/help/marked.json', { type: 'application/json', body: JSON.stringify(marked) });
});
afterAll(async () => {
  await Promise.all([faq, host].map((o) => o?.close()));
});

interface Seen {
  index: number;
  detail: { type?: string; message?: string };
}
type Widget = HTMLElement & {
  lookup(q: string): Promise<{ id: string; vendor?: string }[]>;
  search(q: string): Promise<{ matched: boolean; results: { id: string; vendor?: string }[] }>;
  open(idOrCode: string): Promise<void>;
};

/** Serves a host page with these options at a fresh path and opens it, listening for the widgets' errors. */
async function openHost(engine: Engine, options: Omit<HostOptions, 'faq'>): Promise<Tab> {
  const tab = await openHostPage(engine, host, faq.url, 'overlay', options);
  await tab.evaluate(() => {
    const seen: Seen[] = [];
    (window as unknown as { seen: Seen[] }).seen = seen;
    const all = [...document.querySelectorAll('pos-faq-lookup')];
    document.addEventListener('pos-faq-error', (e) => seen.push({ index: all.indexOf(e.target as Element), detail: (e as CustomEvent).detail }));
  });
  return tab;
}

/** The options the first widget shows once they answer, as their text. */
async function options(tab: Tab): Promise<string[]> {
  const found = await tab.waitFor(
    () => {
      const root = document.querySelector('pos-faq-lookup')?.shadowRoot;
      const found = [...(root?.querySelectorAll('[role="option"]') ?? [])].map((a) => a.textContent ?? '');
      return root?.querySelector('[role="listbox"]')?.getAttribute('aria-busy') === 'false' && found.length ? found : null;
    },
    [],
    'results',
  );
  return found!;
}

/** The entry view of widget `index` once its title contains `title`: its title, headings, each list's items, its text. */
async function entryView(tab: Tab, title: string, index = 0) {
  const view = await tab.waitFor(
    (t: string, i: number) => {
      const view = document.querySelectorAll('pos-faq-lookup')[i]?.shadowRoot?.querySelector('.pf-entry');
      const h = view?.querySelector('h2');
      if (!view || !h?.textContent?.includes(t)) return null;
      return {
        title: h.textContent,
        headings: [...view.querySelectorAll('h3')].map((e) => e.textContent ?? ''),
        lists: [...view.querySelectorAll('ol, ul')].map((l) => [...l.querySelectorAll('li')].map((li) => li.textContent ?? '')),
        text: view.textContent ?? '',
        elements: view.querySelectorAll('img, b').length,
      };
    },
    [title, index],
    `the entry view of ${title}`,
  );
  return view!;
}

/** What `el.lookup()` of widget `index` resolves to for each query: the first result's id, and its vendor mark if any. */
function firsts(tab: Tab, queries: string[], index = 0): Promise<string[]> {
  return tab.evaluate(
    async (qs, i) => {
      const el = document.querySelectorAll('pos-faq-lookup')[i] as Widget;
      const out: string[] = [];
      for (const q of qs) {
        const [first] = await el.lookup(q);
        out.push(`${first?.id}${first?.vendor ? ` (${first.vendor})` : ''}`);
      }
      return out;
    },
    queries,
    index,
  );
}

const open = (tab: Tab, idOrCode: string, index = 0) =>
  tab.evaluate((x, i) => void (document.querySelectorAll('pos-faq-lookup')[i] as Widget).open(x), idOrCode, index);

/** The host page's widgets, by index. */
const [ACME, MARKED, MISSING, BROKEN, INVALID] = [0, 1, 2, 3, 4];

describe.each(ENGINES)('a vendor overlay in %s', (name) => {
  const engine = engineForSuite(name, 'tests/engines/embed-overlay.test.ts');
  let tab: Tab;
  beforeAll(async () => {
    tab = await openHost(engine(), {
      lang: 'en',
      overlay: '/help/acme.json',
      more: ['/help/marked.json', '/help/missing.json', '/help/broken.json', '/help/invalid.json'].map((overlay) => ({ overlay })),
    });
  });
  afterAll(() => tab?.close());

  it('brings a vendor code first with its mark, never shadows a shared code, ranks text with the shared entries, opens a vendor entry and shows model notes', async () => {
    await tab.typeInWidget('acme e101');
    const [first] = await options(tab);
    expect(first).toMatch(/^Acme TerminalsE101 Printer overheated/);
    expect(first).toContain('Stop printing');
    expect(await firsts(tab, ['E101', 'err-3', 'Acme ERR 3', '51', 'A0', 'code 05', 'connection timeout'], ACME)).toEqual([
      'printer-overheat (Acme Terminals)',
      'keys-lost (Acme Terminals)',
      'keys-lost (Acme Terminals)',
      'insufficient-funds',
      'mac-error',
      'issuer-declined',
      'network-timeout',
    ]);
    const text = await tab.evaluate(async () => {
      const o = await (document.querySelector('pos-faq-lookup') as Widget).search('printer overheated');
      return { matched: o.matched, ids: o.results.map((r) => r.id) };
    });
    expect(text.matched).toBe(true);
    expect(text.ids[0]).toBe('printer-overheat');
    // Shared entries that say part of it stay among the results.
    expect(text.ids.slice(1)).toEqual(expect.arrayContaining(['out-of-paper']));

    // The vendor's entry, chosen in the box, opens inside with its mark.
    await tab.evaluate(() => (document.querySelector('pos-faq-lookup')!.shadowRoot!.querySelector('[role="option"]') as HTMLElement).click());
    const vendor = await entryView(tab, 'E101 Printer overheated');
    expect(vendor.title).toBe('Acme TerminalsE101 Printer overheated');
    expect(vendor.lists[0]).toHaveLength(4);
    expect(vendor.text).toContain('Terminal codes E101');
    expect(vendor.text).not.toContain('Open the full page');

    // A shared entry the overlay extends: the shared steps, then the vendor's notes, then the shared "what not to do".
    await open(tab, 'out-of-paper');
    const extended = await entryView(tab, 'out of paper');
    const shared = (await (await fetch(`${faq.url}/widget/entry/en/out-of-paper.json`)).json()) as { steps: string[]; avoid: string[] };
    expect(extended.lists[0]).toEqual(shared.steps);
    expect(extended.headings).toContain('More steps for the Acme Terminals A8');
    expect(extended.lists[1]![0]).toMatch(/^On the A8 the paper door latch is on top/);
    expect(extended.lists[2]).toEqual(shared.avoid);
    expect(extended.headings.indexOf('More steps for the Acme Terminals A8')).toBeLessThan(extended.headings.indexOf('Do not'));
    // A vendor code as a deep link; a shared entry without notes has none.
    await open(tab, 'ERR-3');
    expect((await entryView(tab, 'ERR-3')).title).toMatch(/^Acme TerminalsERR-3 /);
    await open(tab, 'paper-jam');
    expect((await entryView(tab, 'jam')).headings.some((h) => h.includes('Acme'))).toBe(false);
    expect(await tab.console()).toEqual([]);
  });

  it('shows overlay text as text: markup in a hand-edited overlay is never run', async () => {
    expect(await firsts(tab, ['acme e101', '51'], MARKED)).toEqual(['printer-overheat (Acme Terminals)', 'insufficient-funds']);
    await open(tab, 'E101', MARKED);
    const view = await entryView(tab, 'E101', MARKED);
    expect(view.title).toBe('Acme Terminals<img src=x onerror="window.pwned=1">E101 Printer overheated');
    expect(view.lists[0]![0]).toBe('<b id="bold">Stop printing</b>');
    expect(view.elements).toBe(0);
    expect(await tab.evaluate(() => 'pwned' in window)).toBe(false);
    expect(await tab.console()).toEqual([]);
  });

  it('a missing, broken or invalid overlay: one warning and one "overlay" error per widget, and the lookup goes on', async () => {
    // Every widget searches twice: a failure is told once per widget, however often it is met.
    for (const index of [MISSING, BROKEN, INVALID]) {
      expect(await firsts(tab, ['51', 'paper jam', 'E101'], index)).toEqual(['insufficient-funds', 'paper-jam', expect.not.stringContaining('Acme')]);
    }
    const events = await tab.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
    expect(events.map((e) => [e.index, e.detail.type]).sort()).toEqual([
      [MISSING, 'overlay'],
      [BROKEN, 'overlay'],
      [INVALID, 'overlay'],
    ]);
    const message = (i: number) => events.find((e) => e.index === i)!.detail.message;
    expect(message(MISSING)).toMatch(/^overlay \/help\/missing\.json: the server answered 404/);
    expect(message(BROKEN)).toMatch(/^overlay \/help\/broken\.json: it is not JSON/);
    expect(message(INVALID)).toMatch(/^overlay \/help\/invalid\.json: en\.entries\.0\.steps is not a list of texts/);
    expect(pageLines(await tab.console()).sort()).toEqual([MISSING, BROKEN, INVALID].map((i) => `warn: [pos-faq] ${message(i)}`).sort());
    const errors = await tab.evaluate(() => [...document.querySelectorAll('pos-faq-lookup')].filter((el) => el.shadowRoot!.querySelector('.pf-error')).length);
    expect(errors).toBe(0);
  });

  it('goes into its own offline bundle, which finds a vendor code from file:// and opens it', { timeout: 180_000 }, async () => {
    // On the fixture site (39 pages; the whole site's bundle takes ten times as long to build): what
    // is tested here is the overlay's way into the bundle and its loading from file://, the same
    // on any site. tests/engines/site.test.ts opens the whole site's bundle.
    const bundle = await offlineBundle(FIXTURE_DIST, 'fixture-acme', { overlay: EXAMPLE });
    expect(bundle.zip).toMatch(/\/pos-faq-acme-offline\.zip$/);
    const tab = await engine().newTab({ width: 360, height: 740 });
    await tab.goto(pathToFileURL(join(bundle.folder, 'zh/index.html')).href);
    await tab.typeInWidget('E101');
    expect((await options(tab))[0]).toMatch(/^Acme 支付终端E101 打印机过热/);
    expect(await firsts(tab, ['acme err-3', '51'])).toEqual(['keys-lost (Acme 支付终端)', 'insufficient-funds']);
    // On the FAQ site's own pages entries open as pages; a vendor entry has none, so it opens inside.
    await tab.evaluate(() => (document.querySelector('pos-faq-lookup')!.shadowRoot!.querySelector('[role="option"]') as HTMLElement).click());
    expect((await entryView(tab, 'E101')).lists[0]).toHaveLength(4);
    expect(await offDisk(tab)).toEqual([]);
    expect(pageLines(await tab.console())).toEqual([]);
    await tab.close();
  });
});
