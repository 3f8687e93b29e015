// The Lookup component on its own, with a search function the test controls: timing questions
// (debounce, answers arriving out of order) that a real index cannot stage. Source build only.
import { expect } from 'chai';
import { h, render } from 'preact';
import { DEBOUNCE_MS, Lookup, type LookupProps } from '../../widget/Lookup.tsx';
import type { LookupResult } from '../../widget/search-client.ts';
import { STRINGS } from '../../widget/strings.ts';
import { afterEach, describe, it, sleep, until } from './harness.ts';

const result = (id: string): LookupResult => ({
  id,
  url: `https://faq.example/en/symptoms/${id}/`,
  title: `Title of ${id}`,
  summary: '',
  actor: 'merchant',
  codes: [],
  step: `First step of ${id}`,
});

interface Call {
  query: string;
  resolve(results: LookupResult[]): void;
  reject(error: Error): void;
}

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

/** Renders the component with a search whose answers the test hands out, in any order. */
function setup(overrides: Partial<LookupProps> = {}) {
  const calls: Call[] = [];
  root = document.createElement('div');
  document.body.append(root);
  let props: LookupProps = {
    strings: STRINGS.en,
    lang: 'en',
    site: 'https://faq.example/',
    locale: 'en',
    query: '',
    limit: 5,
    engaged: true,
    onEngage: () => {},
    search: (query) =>
      new Promise((resolve, reject) =>
        calls.push({ query, resolve: (results) => resolve({ query, matched: true, results }), reject }),
      ),
    onSelect: () => false,
    ...overrides,
  };
  const draw = () => render(h(Lookup, props), root);
  draw();
  const box = root.querySelector('input')!;
  return {
    calls,
    box,
    update(next: Partial<LookupProps>) {
      props = { ...props, ...next };
      draw();
    },
    write(text: string) {
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    },
    shown: () => [...root.querySelectorAll('[role="option"] .pf-title')].map((t) => t.textContent),
  };
}

describe('Lookup timing', () => {
  it('waits for a pause in typing: one search for a burst of keystrokes', async () => {
    const { calls, write } = setup();
    for (const text of ['c', 'co', 'con', 'conn', 'connection']) {
      write(text);
      await sleep(DEBOUNCE_MS / 3);
    }
    await sleep(DEBOUNCE_MS * 2);
    expect(calls.map((c) => c.query)).to.deep.equal(['connection']);
  });

  it('never lets an older answer replace a newer one', async () => {
    const { calls, write, shown } = setup();
    write('pap');
    await until(() => calls.length === 1, 'the first search');
    write('paper');
    await until(() => calls.length === 2, 'the second search');
    calls[1]!.resolve([result('paper-jam')]);
    await until(() => shown().length === 1, 'the newer answer');
    calls[0]!.resolve([result('stale-one'), result('stale-two')]);
    await sleep(50);
    expect(shown()).to.deep.equal(['Title of paper-jam']);
  });

  it('drops an answer that arrives after the text was cleared', async () => {
    const { calls, write, shown, box } = setup();
    write('paper');
    await until(() => calls.length === 1, 'the search');
    write('');
    calls[0]!.resolve([result('paper-jam')]);
    await sleep(50);
    expect(shown()).to.deep.equal([]);
    expect(box.getAttribute('aria-expanded')).to.equal('false');
  });

  it('drops an answer for the old language when lang changes mid-search, and asks again', async () => {
    const { calls, write, shown, update } = setup();
    write('51');
    await until(() => calls.length === 1, 'the search');
    update({ lang: 'zh-CN', strings: STRINGS['zh-CN'], locale: 'zh' });
    await until(() => calls.length === 2, 'a search in the new language');
    calls[0]!.resolve([result('english-answer')]);
    calls[1]!.resolve([result('chinese-answer')]);
    await until(() => shown().length === 1, 'the answer');
    expect(shown()).to.deep.equal(['Title of chinese-answer']);
  });

  it('does not search before the user engages, then searches the preset text', async () => {
    const { calls, update } = setup({ engaged: false, query: 'paper jam' });
    await sleep(DEBOUNCE_MS * 2);
    expect(calls).to.have.length(0);
    update({ engaged: true });
    await until(() => calls.length === 1, 'the search');
    expect(calls[0]!.query).to.equal('paper jam');
  });

  it('marks the listbox busy until the answer for the current text is shown', async () => {
    const { calls, write } = setup();
    const list = root.querySelector('[role="listbox"]')!;
    write('paper');
    await sleep(0);
    expect(list.getAttribute('aria-busy')).to.equal('true');
    await until(() => calls.length === 1, 'the search');
    calls[0]!.resolve([result('paper-jam')]);
    await until(() => list.getAttribute('aria-busy') === 'false', 'not busy');
  });

  it('shows the error state when the search rejects, and recovers on the next answer', async () => {
    const { calls, write, shown } = setup();
    write('paper');
    await until(() => calls.length === 1, 'the search');
    calls[0]!.reject(new Error('offline'));
    await until(() => root.querySelector('.pf-error'), 'the error');
    write('paper jam');
    await until(() => calls.length === 2, 'a second try');
    calls[1]!.resolve([result('paper-jam')]);
    await until(() => shown().length === 1, 'results');
    expect(root.querySelector('.pf-error')).to.equal(null);
  });
});

describe('Lookup rendering', () => {
  it('links only the URLs it is given, and shows code badges only when the title lacks them', async () => {
    const { calls, write } = setup();
    write('51');
    await until(() => calls.length === 1, 'the search');
    calls[0]!.resolve([
      { ...result('a'), title: '51 Insufficient funds', codes: ['51'] },
      { ...result('b'), title: 'Card problem', codes: ['14', '54'] },
    ]);
    await until(() => root.querySelectorAll('[role="option"]').length === 2, 'options');
    const badges = [...root.querySelectorAll('[role="option"]')].map((o) =>
      [...o.querySelectorAll('.pf-code')].map((b) => b.textContent),
    );
    expect(badges).to.deep.equal([[], ['14', '54']]);
  });
});
