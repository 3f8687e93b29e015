// Answers inside the embedded widget (issue 20), in every engine (ENGINES picks some), on the
// same harness as tests/engines/embed.test.ts: the widget on another origin under the strict
// host CSP with the hostile stylesheet. A result opens inside and Back returns to the results
// with the query kept; a related entry opens inside; `entry` and `el.open()` with an id and a
// code; `suggest`; the host's contact on "no good answer" and after an acquirer's entry;
// `report-href`; `pos-faq-open` and `pos-faq-feedback` with their detail. Buttons inside the
// shadow root are pressed with click() in the page: WebKitWebDriver cannot click into one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/static-server.mjs';
import { DIST } from '../helpers/build.ts';
import { openHostPage, startHost, type HostOptions, type Origin } from '../helpers/embed-host.ts';
import { engineForSuite } from '../helpers/engine-suite.ts';
import { ENGINES, pageLines, type Engine, type Tab } from '../helpers/engines.ts';

const SITE = process.env['POS_FAQ_SITE'] ?? DIST;
let faq: Origin;
let host: Awaited<ReturnType<typeof startHost>>;
beforeAll(async () => {
  faq = await startServer({ root: SITE });
  faq.url = faq.url.replace(/\/$/, '');
  host = await startHost();
});
afterAll(async () => {
  await Promise.all([faq, host].map((o) => o?.close()));
});

interface Seen {
  type: string;
  detail: Record<string, unknown>;
}
const CONTACT = '<a slot="contact" id="host-contact" href="tel:+4930123456">Händler-Hotline 030 123456</a>';

async function openHost(engine: Engine, options: Omit<HostOptions, 'faq'>): Promise<Tab> {
  const tab = await openHostPage(engine, host, faq.url, 'inside', options);
  await tab.evaluate(() => {
    const seen: Seen[] = [];
    (window as unknown as { seen: Seen[] }).seen = seen;
    for (const type of ['pos-faq-select', 'pos-faq-open', 'pos-faq-feedback', 'pos-faq-error']) {
      document.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent).detail }));
    }
  });
  return tab;
}
const seen = (tab: Tab, type: string) =>
  tab.evaluate((t) => (window as unknown as { seen: Seen[] }).seen.filter((e) => e.type === t).map((e) => e.detail), type);

/** The entry view's title once it shows `title` (or any title). */
const entryTitle = (tab: Tab, title = '') =>
  tab.waitFor(
    (t) => {
      const h = document.querySelector('pos-faq-lookup')?.shadowRoot?.querySelector('.pf-entry h2');
      return h && (!t || h.textContent === t) ? h.textContent : null;
    },
    [title],
    `the entry view ${title}`,
  );

/** Clicks the first element inside the widget that matches `selector` (and contains `text`). */
const press = (tab: Tab, selector: string, text = '') =>
  tab.evaluate(
    (s, t) => {
      const el = [...document.querySelector('pos-faq-lookup')!.shadowRoot!.querySelectorAll<HTMLElement>(s)].find((e) =>
        (e.textContent ?? '').includes(t),
      );
      if (!el) throw new Error(`nothing matches ${s} ${t}`);
      el.click();
    },
    selector,
    text,
  );

const options = (tab: Tab) =>
  tab.waitFor(
    () => {
      const root = document.querySelector('pos-faq-lookup')?.shadowRoot;
      const list = root?.querySelector('[role="listbox"]');
      const found = [...(root?.querySelectorAll('[role="option"]') ?? [])].map((a) => (a as HTMLAnchorElement).href);
      return list && !list.hasAttribute('hidden') && list.getAttribute('aria-busy') === 'false' && found.length ? found : null;
    },
    [],
    'options',
  );

describe.each(ENGINES)('answers inside the embedded widget in %s', (name) => {
  const engine = engineForSuite(name, 'tests/engines/embed-inside.test.ts');

  it('opens a chosen result inside, a related entry too, and goes back to the results with the query kept', async () => {
    const tab = await openHost(engine(), { lang: 'en' });
    await tab.typeInWidget('receipt blank');
    const hrefs = (await options(tab))!;
    expect(hrefs[0]).toBe(`${faq.url}/en/symptoms/receipt-blank/`);
    await tab.press('ArrowDown');
    await tab.press('Enter');
    const title = await entryTitle(tab);
    const view = await tab.evaluate(() => {
      const root = document.querySelector('pos-faq-lookup')!.shadowRoot!;
      return {
        url: location.href,
        steps: root.querySelectorAll('.pf-entry ol li').length,
        full: root.querySelector<HTMLAnchorElement>('.pf-full a')!.href,
        focused: root.activeElement?.tagName,
        status: root.querySelector('[role="status"]')!.textContent,
        feedback: [...root.querySelectorAll('.pf-feedback button')].map((b) => b.textContent),
      };
    });
    expect(view.url).toContain(host.url);
    expect(view.steps).toBeGreaterThan(1);
    expect(view.full).toBe(hrefs[0]);
    expect(view.focused).toBe('H2');
    expect(view.status).toBe(title);
    expect(view.feedback).toEqual(['Yes, it did', 'No, it did not']);
    expect((await seen(tab, 'pos-faq-select')).map((d) => d['id'])).toEqual(['receipt-blank']);
    await press(tab, '.pf-related a');
    const related = await tab.waitFor(
      () => document.querySelector('pos-faq-lookup')!.shadowRoot!.querySelector('.pf-entry h2')?.textContent,
      [],
      'the related entry',
    );
    await tab.waitFor((t) => document.querySelector('pos-faq-lookup')!.shadowRoot!.querySelector('.pf-entry h2')?.textContent !== t, [title], 'another title');
    expect(related).toBeTruthy();
    const opens = await seen(tab, 'pos-faq-open');
    expect(opens[0]).toEqual({ id: 'receipt-blank', url: hrefs[0], from: 'result' });
    expect(opens[1]).toMatchObject({ from: 'related' });
    await press(tab, '.pf-feedback button', 'Yes');
    expect(await seen(tab, 'pos-faq-feedback')).toEqual([{ id: opens[1]!['id'], helpful: true, query: 'receipt blank' }]);
    await press(tab, '.pf-entry .pf-nav button');
    await entryTitle(tab, title!);
    await press(tab, '.pf-entry .pf-nav button');
    const back = await tab.waitFor(
      () => {
        const root = document.querySelector('pos-faq-lookup')!.shadowRoot!;
        const input = root.querySelector('input');
        return input && { value: input.value, focused: root.activeElement === input, options: root.querySelectorAll('[role="option"]').length };
      },
      [],
      'the box again',
    );
    expect(back).toEqual({ value: 'receipt blank', focused: true, options: hrefs.length });
    expect(await tab.console()).toEqual([]);
    await tab.close();
  });

  it('opens the `entry` attribute (a code) at once, el.open() with an id and a code, and rejects an unknown one', async () => {
    const tab = await openHost(engine(), { lang: 'en', attributes: { entry: '51' } });
    // Opened with the page, maybe before the test listens: the title and the full page say which.
    await entryTitle(tab);
    expect(
      await tab.evaluate(() => document.querySelector('pos-faq-lookup')!.shadowRoot!.querySelector<HTMLAnchorElement>('.pf-full a')!.href),
    ).toBe(`${faq.url}/en/symptoms/insufficient-funds/`);
    await tab.evaluate(() => (window as unknown as { seen: Seen[] }).seen.splice(0));
    const opened = await tab.evaluate(async () => {
      const el = document.querySelector('pos-faq-lookup') as HTMLElement & { open(x: string): Promise<void> };
      const titles: string[] = [];
      for (const x of ['paper-jam', 'A0']) {
        await el.open(x);
        titles.push(el.shadowRoot!.querySelector('.pf-entry h2')!.textContent!);
      }
      const error = await el.open('no-such-entry').then(() => null, (e: { type: string; name: string }) => [e.name, e.type]);
      return { titles, error };
    });
    expect(opened.titles).toHaveLength(2);
    expect(opened.error).toEqual(['LookupError', 'unknown']);
    const opens = await seen(tab, 'pos-faq-open');
    expect(opens[0]).toEqual({ id: 'paper-jam', url: `${faq.url}/en/symptoms/paper-jam/`, from: 'deeplink' });
    expect(opens.map((d) => d['from'])).toEqual(['deeplink', 'deeplink']);
    expect(pageLines(await tab.console())).toEqual([]);
    await tab.close();
  });

  it('lists the `suggest` entries on focus, leaving out an unknown one with one warning', async () => {
    const tab = await openHost(engine(), { lang: 'zh-CN', attributes: { suggest: '51,paper-jam,nope' } });
    // WebKitWebDriver sends no empty text: there a space, which the box trims away.
    await tab.typeInWidget(name === 'webkit' ? ' ' : '');
    const hrefs = (await options(tab))!;
    expect(hrefs).toEqual([`${faq.url}/zh/symptoms/insufficient-funds/`, `${faq.url}/zh/symptoms/paper-jam/`]);
    await press(tab, '[role="option"]');
    await entryTitle(tab);
    expect((await seen(tab, 'pos-faq-open'))[0]).toMatchObject({ id: 'insufficient-funds', from: 'suggest' });
    expect(pageLines(await tab.console())).toEqual([expect.stringMatching(/^warn: \[pos-faq\] suggest: .*"nope"/)]);
    await tab.close();
  });

  it('shows the host contact and report-href on "no good answer", and the contact after an acquirer entry', async () => {
    const report = 'https://help.example/report?q={query}&lang={lang}';
    const tab = await openHost(engine(), { lang: 'en', attributes: { 'report-href': report }, children: CONTACT });
    await tab.typeInWidget('how to bake sourdough bread');
    const note = await tab.waitFor(
      () => {
        const root = document.querySelector('pos-faq-lookup')!.shadowRoot!;
        const slot = root.querySelector<HTMLSlotElement>('.pf-contact slot');
        const link = root.querySelector<HTMLAnchorElement>('a[part="report"]');
        // The note for the whole query: under load a pause in typing may search part of it first.
        return slot && link?.href.includes('bread&') && { label: root.querySelector('.pf-contact p')!.textContent, slotted: slot.assignedElements().map((e) => e.id), report: link.href };
      },
      [],
      'the contact and the report link',
    );
    expect(note).toEqual({
      label: `Contact provided by ${new URL(host.url).hostname}:`,
      slotted: ['host-contact'],
      report: 'https://help.example/report?q=how%20to%20bake%20sourdough%20bread&lang=en',
    });
    await tab.evaluate(() => (document.querySelector('pos-faq-lookup') as HTMLElement & { open(x: string): Promise<void> }).open('merchant-suspended'));
    const after = await tab.evaluate(() => {
      const root = document.querySelector('pos-faq-lookup')!.shadowRoot!;
      return root.querySelector('.pf-entry .pf-contact slot') !== null;
    });
    expect(after).toBe(true);
    expect(pageLines(await tab.console())).toEqual([]);
    await tab.close();
  });

  it('ends the guided diagnosis on the entry view, with the host contact, and goes back to the last question', async () => {
    const tab = await openHost(engine(), { lang: 'en', children: CONTACT });
    await press(tab, 'button.pf-diag');
    // The first answer each time, until the diagnosis ends on an entry.
    for (let i = 0; i < 10; i++) {
      const end = await tab.waitFor(
        () => {
          const root = document.querySelector('pos-faq-lookup')!.shadowRoot!;
          return root.querySelector('.pf-entry h2') ? 'entry' : root.querySelector('button[part="answer"]') ? 'question' : null;
        },
        [],
        'a question or the entry',
      );
      if (end === 'entry') break;
      await press(tab, 'button[part="answer"]');
      await new Promise((r) => setTimeout(r, 100));
    }
    await entryTitle(tab);
    const view = await tab.evaluate(() => {
      const root = document.querySelector('pos-faq-lookup')!.shadowRoot!;
      const slot = root.querySelector<HTMLSlotElement>('.pf-entry .pf-contact slot');
      return { contact: slot?.assignedElements().map((e) => e.id), focused: root.activeElement?.tagName };
    });
    expect(view).toEqual({ contact: ['host-contact'], focused: 'H2' });
    expect((await seen(tab, 'pos-faq-open')).map((d) => d['from'])).toEqual(['diagnosis']);
    await press(tab, '.pf-entry .pf-nav button');
    // A boolean: Firefox's BiDi does not hand a DOM element back from the page.
    await tab.waitFor(() => !!document.querySelector('pos-faq-lookup')!.shadowRoot!.querySelector('button[part="answer"]'), [], 'the last question');
    expect(pageLines(await tab.console())).toEqual([]);
    await tab.close();
  });
});
