import { emulateMedia } from '@web/test-runner-commands';
import { expect } from 'chai';
import {
  ENGINE,
  SITE,
  afterEach,
  config,
  describe,
  input,
  it,
  mount,
  options,
  part,
  search,
  shownIds,
  sleep,
  status,
  until,
} from './harness.ts';

const label = (el: Element) => part(el, 'label')!.textContent;
const background = (el: Element) => getComputedStyle(input(el)).backgroundColor;

describe('lang', () => {
  it('sets the interface language and the index, whatever the page says', async () => {
    const zh = mount({ lang: 'zh-CN' });
    const en = mount({ lang: 'en' });
    expect(label(zh)).to.equal('查询 POS 机故障');
    expect(label(en)).to.equal('Look up a POS terminal problem');
    expect(part(zh, '.pf-root')!.lang, 'screen readers read the box in its own language').to.equal('zh-CN');
    expect(part(en, '.pf-root')!.lang).to.equal('en');
    expect((await search(zh, '51'))[0]).to.equal('insufficient-funds');
    expect(options(zh)[0]!.textContent).to.contain('谁来处理');
    expect(status(zh)).to.match(/^找到 \d+ 条$/);
    await search(en, '51');
    expect(options(en)[0]!.textContent).to.contain('Who acts: Cardholder');
    expect(status(en)).to.match(/^\d+ results?$/);
  });

  it('maps zh, zh-Hans and zh-CN to Chinese and anything else to English', () => {
    for (const lang of ['zh', 'zh-Hans', 'ZH-cn']) expect(label(mount({ lang })), lang).to.equal('查询 POS 机故障');
    for (const lang of ['de', 'fr', ''])
      expect(label(mount({ lang })), lang).to.equal('Look up a POS terminal problem');
    expect(label(mount())).to.equal('Look up a POS terminal problem');
  });

  it('takes effect at runtime: strings, and the results of the text already typed', async () => {
    const el = mount({ lang: 'zh-CN' });
    expect((await search(el, '51'))[0]).to.equal('insufficient-funds');
    const before = options(el)[0]!.href;
    expect(before).to.equal(`${SITE}zh/symptoms/insufficient-funds/`);
    el.setAttribute('lang', 'en');
    expect(label(el)).to.equal('Look up a POS terminal problem');
    expect(input(el).value, 'the text stays').to.equal('51');
    await until(() => options(el)[0]?.href === `${SITE}en/symptoms/insufficient-funds/`, 'English results');
    expect(options(el)[0]!.textContent).to.contain('Who acts');
    el.removeAttribute('lang');
    await until(() => options(el)[0]?.href.includes('/en/'), 'still English without lang');
  });
});

describe('query', () => {
  it('presets the text without searching until the user comes to the box', async () => {
    const el = mount({ lang: 'en', query: 'paper jam' });
    expect(input(el).value).to.equal('paper jam');
    await sleep(400);
    expect(options(el), 'nothing searched before focus').to.have.length(0);
    input(el).focus();
    await until(() => options(el).length > 0, 'results after focus');
    expect(shownIds(el)[0]).to.equal('paper-jam');
  });

  it('takes effect at runtime: replaces the text and searches again', async () => {
    const el = mount({ lang: 'zh-CN' });
    await search(el, '51');
    el.setAttribute('query', '连接超时');
    expect(input(el).value).to.equal('连接超时');
    await until(() => shownIds(el)[0] === 'network-timeout', 'results for the new query');
  });
});

describe('limit', () => {
  it('caps the number of results and takes effect at runtime', async () => {
    const el = mount({ lang: 'zh-CN', limit: '1' });
    const ids = await search(el, '连接超时');
    expect(ids).to.deep.equal(['network-timeout']);
    el.setAttribute('limit', '3');
    await until(() => options(el).length === 3, 'three results');
    expect(shownIds(el)[0]).to.equal('network-timeout');
    el.removeAttribute('limit');
    await until(() => options(el).length === 5, 'the default five');
  });

  it('ignores nonsense and caps at 20', async () => {
    const el = mount({ lang: 'en', limit: 'lots' });
    expect(await el.lookup('card')).to.have.length(5);
    el.setAttribute('limit', '-3');
    expect(await el.lookup('card')).to.have.length(5);
    el.setAttribute('limit', '500');
    expect((await el.lookup('card')).length).to.be.within(6, 20);
  });
});

describe('theme', () => {
  afterEach(() => (ENGINE === 'chromium' ? emulateMedia({ colorScheme: 'light' }) : undefined));

  it('light and dark take effect at runtime; auto follows the device', async () => {
    const el = mount({ lang: 'en', theme: 'light' });
    const light = background(el);
    expect(light).to.equal('rgb(255, 255, 255)');
    el.setAttribute('theme', 'dark');
    const dark = background(el);
    expect(dark).to.equal('rgb(26, 32, 39)');
    el.setAttribute('theme', 'auto');
    expect(background(el)).to.equal(light);
    // Only Chromium's runner can switch the device setting (over CDP).
    if (ENGINE !== 'chromium') return;
    await emulateMedia({ colorScheme: 'dark' });
    expect(background(el)).to.equal(dark);
    el.setAttribute('theme', 'light');
    expect(background(el), 'light wins over a dark device').to.equal(light);
    el.removeAttribute('theme');
    expect(background(el), 'no theme is auto').to.equal(dark);
  });

  it('takes brand colours and fonts from --pos-faq-* custom properties', () => {
    const el = mount({ lang: 'en', theme: 'light' });
    el.style.setProperty('--pos-faq-bg', 'rgb(1, 2, 3)');
    el.style.setProperty('--pos-faq-font', 'monospace');
    expect(background(el)).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(input(el)).fontFamily).to.equal('monospace');
  });
});

describe('base', () => {
  it('defaults to the site the script came from', async () => {
    const [first] = await mount({ lang: 'en' }).lookup('51');
    expect(first!.url).to.equal(`${SITE}en/symptoms/insufficient-funds/`);
  });

  it('points the widget at another site, relative to the page, and takes effect at runtime', async () => {
    const el = mount({ lang: 'zh-CN', base: config.fixture });
    const fixture = new URL(config.fixture, location.href).href;
    expect((await el.lookup('51'))[0]!.url).to.equal(`${fixture}zh/symptoms/insufficient-funds/`);
    const ids = await search(el, '连接超时');
    expect(ids[0]).to.equal('network-timeout');
    el.setAttribute('base', config.site.replace(/\/$/, ''));
    await until(() => options(el)[0]?.href === `${SITE}zh/symptoms/network-timeout/`, 'results from the other site');
    expect((await el.lookup('51'))[0]!.url).to.equal(`${SITE}zh/symptoms/insufficient-funds/`);
  });
});
