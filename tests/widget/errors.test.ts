import { expect } from 'chai';
import {
  collect,
  describe,
  frame,
  input,
  it,
  loadWidget,
  mount,
  options,
  part,
  search,
  settled,
  slowSite,
  type,
  until,
  watchWarnings,
  type Widget,
} from './harness.ts';

interface ErrorDetail {
  type: string;
  message: string;
}

/** Everything a failure may leak into the host page: uncaught errors and unhandled rejections. */
function watchHostErrors(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${String(e.reason)}`);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    },
  };
}

describe('when the index cannot be loaded', () => {
  for (const [lang, message, link] of [
    ['zh-CN', '查询服务暂时无法使用。请直接打开 POS 机故障自助指南', '打开 POS 机故障自助指南'],
    [
      'en',
      'The lookup is not available right now. Please open the POS terminal help site',
      'open the POS terminal help site',
    ],
  ] as const) {
    it(`says so in ${lang}, links to the FAQ site, fires one pos-faq-error and logs one line`, async () => {
      const warnings = watchWarnings();
      const host = watchHostErrors();
      const fired = collect<ErrorDetail>('pos-faq-error');
      const base = `/nowhere-${lang}/`;
      try {
        const el = mount({ lang, base });
        await type(el, '51');
        const error = await until(() => part(el, '.pf-error'), 'the error message');
        expect(error.textContent).to.equal(message);
        expect(error.getAttribute('role')).to.equal('alert');
        const a = error.querySelector('a')!;
        expect(a.textContent).to.equal(link);
        expect(a.href).to.equal(new URL(`${base}${lang === 'en' ? 'en' : 'zh'}/`, location.href).href);
        expect(options(el)).to.have.length(0);
        // More typing tries again (later), but reports nothing new.
        await type(el, '1');
        await settled(el);
        await new Promise((r) => setTimeout(r, 300));
        expect(fired.events).to.have.length(1);
        const [event] = fired.events;
        expect(event!.bubbles && event!.composed).to.equal(true);
        expect(event!.target).to.equal(el);
        expect(event!.detail.type).to.equal('network');
        expect(event!.detail.message).to.contain(
          new URL(`${base}pagefind/${lang === 'en' ? 'en' : 'zh'}/pagefind.js`, location.href).href,
        );
        expect(warnings.lines).to.have.length(1);
        expect(warnings.lines[0]).to.match(/^\[pos-faq\] /);
        expect(host.errors).to.deep.equal([]);
        expect(input(el).disabled, 'the box stays usable').to.equal(false);
      } finally {
        warnings.restore();
        host.stop();
        fired.stop();
      }
    });
  }

  it('el.lookup() rejects with the error type, reported through the same event', async () => {
    const warnings = watchWarnings();
    const fired = collect<ErrorDetail>('pos-faq-error');
    try {
      const el = mount({ lang: 'en', base: '/nowhere-api/' });
      const error = await el.lookup('51').then(
        () => null,
        (e: unknown) => e as Error & { type: string },
      );
      expect(error).to.be.instanceOf(Error);
      expect(error!.type).to.equal('network');
      expect(fired.events.map((e) => e.detail.type)).to.deep.equal(['network']);
      expect(warnings.lines).to.have.length(1);
    } finally {
      warnings.restore();
      fired.stop();
    }
  });

  it('recovers when base is changed to a working site', async () => {
    const warnings = watchWarnings();
    try {
      const el = mount({ lang: 'en', base: '/nowhere-recover/' });
      await type(el, '51');
      await until(() => part(el, '.pf-error'), 'the error message');
      el.removeAttribute('base');
      await until(() => options(el).length > 0, 'results from the script’s own site');
      expect(part(el, '.pf-error')).to.equal(null);
    } finally {
      warnings.restore();
    }
  });

  it('gives up after 8 s when the site does not answer, with type "timeout"', async function () {
    this.timeout(20_000);
    const warnings = watchWarnings();
    const host = watchHostErrors();
    const fired = collect<ErrorDetail>('pos-faq-error');
    try {
      const el = mount({ lang: 'zh-CN', base: slowSite() });
      const started = performance.now();
      await type(el, '51');
      await until(() => part(el, '.pf-error'), 'the error message', 12_000);
      expect(performance.now() - started).to.be.within(7_500, 11_000);
      expect(fired.events.map((e) => e.detail.type)).to.deep.equal(['timeout']);
      expect(warnings.lines).to.have.length(1);
      expect(warnings.lines[0]).to.match(/^\[pos-faq\] .*8 s/);
      expect(host.errors).to.deep.equal([]);
    } finally {
      warnings.restore();
      host.stop();
      fired.stop();
    }
  });

  it('survives a host listener that throws', async () => {
    // In a frame: the browser reports a listener's exception as that window's uncaught error,
    // which here would fail the test run; it is the host's own error, not the widget's.
    const iframe = await frame('<pos-faq-lookup lang="en" base="/nowhere-thrower/"></pos-faq-lookup>');
    const win = iframe.contentWindow!;
    const uncaught: string[] = [];
    win.addEventListener('error', (e: ErrorEvent) => {
      uncaught.push(e.message);
      e.preventDefault();
    });
    const realm = win as unknown as typeof globalThis;
    realm.console.warn = () => {};
    // A listener from the frame's own realm, so that its exception is reported there.
    const thrower = new realm.Function("throw new Error('host bug')") as () => void;
    win.document.addEventListener('pos-faq-error', thrower);
    await loadWidget(iframe);
    const el = win.document.querySelector('pos-faq-lookup') as Widget;
    await type(el, '51');
    await until(() => part(el, '.pf-error'), 'the error message');
    // Chromium says "Uncaught Error: host bug", Firefox and WebKit "Error: host bug".
    expect(uncaught.map((m) => m.replace(/^Uncaught /, ''))).to.deep.equal(['Error: host bug']);
    win.document.removeEventListener('pos-faq-error', thrower);
    el.removeAttribute('base');
    await until(() => options(el).length > 0, 'results after all');
  });
});

describe('when the network drops a request', () => {
  it('asks once more for the metadata, an index chunk or a fragment, and answers as if nothing had been lost', async function () {
    this.timeout(20_000);
    const query = '连接超时';
    const expected = await search(mount({ lang: 'zh-CN' }), query);
    // A frame of its own (its own Pagefind), whose fetch fails the first request for each kind of
    // index file as a dropped connection does.
    const iframe = await frame('<pos-faq-lookup lang="zh-CN"></pos-faq-lookup>');
    const win = iframe.contentWindow as Window & typeof globalThis;
    const realFetch = win.fetch.bind(win);
    const dropped = new Set<string>();
    win.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const kind = /\.(pf_meta|pf_index|pf_fragment)$/.exec(input instanceof Request ? input.url : String(input))?.[1];
      if (kind && !dropped.has(kind)) {
        dropped.add(kind);
        return Promise.reject(new TypeError('Failed to fetch'));
      }
      return realFetch(input, init);
    }) as typeof fetch;
    const logged: string[] = [];
    win.console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    await loadWidget(iframe);
    const el = win.document.querySelector('pos-faq-lookup') as Widget;
    expect(await search(el, query)).to.deep.equal(expected);
    expect([...dropped].sort()).to.deep.equal(['pf_fragment', 'pf_index', 'pf_meta']);
    expect(logged, "Pagefind's own report of a file it gave up on").to.deep.equal([]);
  });
});
