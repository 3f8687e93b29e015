import { expect } from 'chai';
import { SITE, collect, describe, it, mount, options, search, shownIds, type Widget } from './harness.ts';

const ACTORS = ['merchant', 'cardholder', 'acquirer', 'vendor', 'wait'];

describe('el.lookup(query)', () => {
  it('resolves to insufficient funds first for "51", with every documented field', async () => {
    const el = mount({ lang: 'zh-CN' });
    const results = await el.lookup('51');
    expect(results.length).to.be.greaterThan(0);
    const [first] = results;
    expect(first).to.include({
      id: 'insufficient-funds',
      url: `${SITE}zh/symptoms/insufficient-funds/`,
      actor: 'cardholder',
    });
    expect(first!.codes).to.deep.equal(['51']);
    expect(first!.title).to.contain('余额不足');
    expect(first!.summary).to.be.a('string').and.not.be.empty;
    expect(first!.step).to.be.a('string').and.not.be.empty;
    for (const r of results) {
      expect(Object.keys(r)).to.include.members(['id', 'url', 'title', 'summary', 'actor', 'codes']);
      expect(r.url.startsWith(`${SITE}zh/symptoms/`), r.url).to.equal(true);
      expect(ACTORS).to.include(r.actor);
    }
  });

  it('reads codes the way people type them, in either language', async () => {
    // The words around the code are matched by a regular expression with Chinese in it, which
    // the build escapes to ASCII: this runs on the built bundle too.
    for (const query of ['错误码51', '返回码：51', '51 余额不足', 'code 51', '５１']) {
      const [first] = await mount({ lang: 'zh-CN' }).lookup(query);
      expect(first?.id, query).to.equal('insufficient-funds');
    }
  });

  it('answers in the language of the lang attribute, not the page', async () => {
    expect(document.documentElement.lang).to.equal('de');
    const [zh] = await mount({ lang: 'zh-CN' }).lookup('连接超时');
    const [en] = await mount({ lang: 'en' }).lookup('connection timeout');
    expect(zh).to.include({ id: 'network-timeout', url: `${SITE}zh/symptoms/network-timeout/` });
    expect(en).to.include({ id: 'network-timeout', url: `${SITE}en/symptoms/network-timeout/` });
    expect(en!.title).to.match(/timed out|timeout/i);
  });

  it('resolves to the same entries in the same order as the box shows', async () => {
    for (const [lang, query] of [
      ['zh-CN', '连接超时'],
      ['en', 'receipt blank'],
    ] as const) {
      const el = mount({ lang });
      const shown = await search(el, query);
      const api = (await el.lookup(query)).map((r) => r.id);
      expect(shown.length, query).to.be.greaterThan(1);
      expect(api, query).to.deep.equal(shown);
    }
  });

  it('gives copies: changing a result does not change the box', async () => {
    const el = mount({ lang: 'en' });
    await search(el, '51');
    const [first] = await el.lookup('51');
    first!.title = 'changed';
    first!.codes.push('99');
    const [again] = await el.lookup('51');
    expect(again!.title).not.to.equal('changed');
    expect(again!.codes).to.deep.equal(['51']);
    expect(options(el)[0]!.textContent).not.to.contain('changed');
  });

  it('resolves to [] for an empty or blank query, and never throws synchronously', async () => {
    const el = mount({ lang: 'en' });
    expect(await el.lookup('')).to.deep.equal([]);
    expect(await el.lookup('   ')).to.deep.equal([]);
    expect(await (el.lookup as (q: unknown) => Promise<unknown[]>)(undefined)).to.deep.equal([]);
  });

  it('works before the element is in the document', async () => {
    const el = document.createElement('pos-faq-lookup') as Widget;
    el.setAttribute('lang', 'en');
    const [first] = await el.lookup('insufficient funds');
    expect(first!.id).to.equal('insufficient-funds');
  });

  it('respects limit', async () => {
    const el = mount({ lang: 'zh-CN', limit: '2' });
    expect(await el.lookup('连接超时')).to.have.length(2);
  });
});

describe('pos-faq-select', () => {
  it('bubbles out of the shadow root to the document with the chosen result, and can be cancelled', async () => {
    const el = mount({ lang: 'zh-CN' });
    const ids = await search(el, '连接超时');
    const selects = collect<{ id: string; url: string }>('pos-faq-select');
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('pos-faq-select', cancel);
    try {
      options(el)[1]!.click();
    } finally {
      document.removeEventListener('pos-faq-select', cancel);
      selects.stop();
    }
    expect(selects.events).to.have.length(1);
    const [event] = selects.events;
    expect(event!.bubbles && event!.composed && event!.cancelable).to.equal(true);
    expect(event!.target).to.equal(el);
    expect(event!.detail.id).to.equal(ids[1]);
    expect(event!.detail.url).to.equal(`${SITE}zh/symptoms/${ids[1]}/`);
    // Cancelled: the page stayed where it was.
    expect(location.pathname).not.to.contain('/symptoms/');
  });

  it('reaches the document from inside another shadow root', async () => {
    const outer = document.createElement('div');
    const shadow = outer.attachShadow({ mode: 'open' });
    document.body.append(outer);
    try {
      const el = mount({ lang: 'en' }, shadow);
      await search(el, '51');
      const selects = collect<{ id: string }>('pos-faq-select');
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('pos-faq-select', cancel);
      options(el)[0]!.click();
      document.removeEventListener('pos-faq-select', cancel);
      selects.stop();
      expect(selects.events.map((e) => e.detail.id)).to.deep.equal(['insufficient-funds']);
      expect(selects.events[0]!.target, 'retargeted to the outer host').to.equal(outer);
    } finally {
      outer.remove();
    }
  });

  it('keeps the option links usable without the event: plain http(s) links to the entry', async () => {
    const el = mount({ lang: 'en' });
    const ids = await search(el, 'paper');
    const hrefs = options(el).map((o) => o.href);
    expect(hrefs).to.deep.equal(ids.map((id) => `${SITE}en/symptoms/${id}/`));
    expect(shownIds(el).length).to.be.greaterThan(0);
  });
});
