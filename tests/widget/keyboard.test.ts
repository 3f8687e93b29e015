import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import {
  ENGINE,
  collect,
  config,
  describe,
  frame,
  input,
  it,
  listbox,
  loadWidget,
  mount,
  options,
  part,
  press,
  search,
  settled,
  status,
  type,
  until,
  type Widget,
} from './harness.ts';

const active = (el: Element) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id === null ? -1 : options(el).findIndex((o) => o.id === id);
};

/** Cancels pos-faq-select while `body` runs, so that the test page does not navigate away. */
async function selecting(body: () => Promise<void>): Promise<CustomEvent<{ id: string }>[]> {
  const selects = collect<{ id: string }>('pos-faq-select');
  const cancel = (e: Event) => e.preventDefault();
  document.addEventListener('pos-faq-select', cancel);
  try {
    await body();
  } finally {
    document.removeEventListener('pos-faq-select', cancel);
    selects.stop();
  }
  return selects.events;
}

describe('the ARIA 1.2 combobox pattern', () => {
  it('labels a combobox that controls a listbox of options, and announces the count politely', async () => {
    const el = mount({ lang: 'zh-CN' });
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.labels?.[0]?.textContent).to.equal('查询 POS 机故障');
    expect(box.getAttribute('aria-autocomplete')).to.equal('list');
    expect(box.getAttribute('aria-controls')).to.equal(listbox(el).id);
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(listbox(el).hidden).to.equal(true);
    const ids = await search(el, '连接超时');
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(listbox(el).hidden).to.equal(false);
    expect(listbox(el).getAttribute('aria-label')).to.be.a('string').and.not.be.empty;
    expect(options(el).every((o) => o.getAttribute('aria-selected') === 'false')).to.equal(true);
    const live = part(el, '[role="status"]')!;
    expect(live.textContent).to.equal(`找到 ${ids.length} 条`);
    expect(live.isConnected && getComputedStyle(live).display).not.to.equal('none');
  });

  it('says so when nothing answers, with links to the guided diagnosis and the catalogue', async () => {
    const el = mount({ lang: 'en' });
    await type(el, 'qqqxzv');
    await settled(el);
    expect(options(el)).to.have.length(0);
    expect(status(el)).to.equal('No entry answers this well');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.pf-note a')].map((a) => a.href);
    expect(links).to.deep.equal([
      new URL(`${config.site}en/diagnose/`, location.href).href,
      new URL(`${config.site}en/symptoms/`, location.href).href,
    ]);
  });

  it('shows weak matches under a "maybe" heading, not as answers', async () => {
    const el = mount({ lang: 'en' });
    await search(el, 'cracked screen after dropping the terminal');
    expect(status(el)).to.equal('No entry answers this well');
    expect(options(el).length).to.be.greaterThan(0);
    expect(part(el, '.pf-maybe')!.textContent).to.equal('Maybe related:');
    expect(listbox(el).getAttribute('aria-label')).to.equal('Maybe related:');
  });
});

describe('keyboard', () => {
  it('moves through the options with the arrows, wrapping through the text box', async () => {
    const el = mount({ lang: 'zh-CN', limit: '3' });
    await search(el, '连接超时');
    expect(options(el)).to.have.length(3);
    expect(active(el)).to.equal(-1);
    await press('ArrowDown');
    expect(active(el)).to.equal(0);
    expect(options(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(options(el)[0]!.classList.contains('pf-active')).to.equal(true);
    await press('ArrowDown');
    await press('ArrowDown');
    expect(active(el)).to.equal(2);
    await press('ArrowDown');
    expect(active(el), 'past the end: back in the text box').to.equal(-1);
    await press('ArrowUp');
    expect(active(el), 'up from the text box: the last option').to.equal(2);
    await press('ArrowUp');
    expect(active(el)).to.equal(1);
    expect(el.shadowRoot!.activeElement, 'focus stays in the text box').to.equal(input(el));
  });

  it('Enter chooses the active option', async () => {
    const el = mount({ lang: 'zh-CN' });
    const ids = await search(el, '连接超时');
    const events = await selecting(async () => {
      await press('ArrowDown');
      await press('ArrowDown');
      await press('Enter');
    });
    expect(events.map((e) => e.detail.id)).to.deep.equal([ids[1]]);
  });

  it('Enter without an active option chooses the first result, once it answers the text in the box', async () => {
    const el = mount({ lang: 'en' });
    await search(el, '51');
    const events = await selecting(async () => {
      await press('Enter');
    });
    expect(events.map((e) => e.detail.id)).to.deep.equal(['insufficient-funds']);
  });

  it('Escape closes the list, then clears the text, then leaves the key to the page', async () => {
    const el = mount({ lang: 'en' });
    await search(el, 'paper');
    await press('ArrowDown');
    await press('Escape');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(input(el).value, 'the first Escape keeps the text').to.equal('paper');
    await press('ArrowDown');
    expect(input(el).getAttribute('aria-expanded'), 'an arrow opens it again').to.equal('true');
    expect(active(el)).to.equal(0);
    await press('Escape');
    await press('Escape');
    expect(input(el).value).to.equal('');
    const reached: boolean[] = [];
    const listener = (e: KeyboardEvent) => reached.push(e.defaultPrevented);
    document.addEventListener('keydown', listener);
    await press('Escape');
    document.removeEventListener('keydown', listener);
    expect(reached, 'an Escape with nothing to close reaches the page untouched').to.deep.equal([false]);
  });

  it('Alt+ArrowDown opens the list without choosing; Alt+ArrowUp closes it', async () => {
    const el = mount({ lang: 'en' });
    await search(el, 'paper');
    await press('Escape');
    // Under classic WebDriver (WebKit) the runner holds no modifier: the same keys as events.
    const webkit = ENGINE === 'webkit';
    const alt = async (key: string) =>
      webkit
        ? input(el).dispatchEvent(new KeyboardEvent('keydown', { key, altKey: true, bubbles: true, composed: true }))
        : press(key);
    if (!webkit) await sendKeys({ down: 'Alt' });
    await alt('ArrowDown');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(active(el)).to.equal(-1);
    await alt('ArrowUp');
    if (!webkit) await sendKeys({ up: 'Alt' });
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('with open="page", opens the chosen entry on the FAQ site unless the host cancels the event', async () => {
    const iframe = await frame('<pos-faq-lookup lang="en" open="page"></pos-faq-lookup>');
    await loadWidget(iframe);
    const el = iframe.contentDocument!.querySelector('pos-faq-lookup') as Widget;
    const ids = await search(el, 'receipt blank');
    const navigated = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    await press('ArrowDown');
    await press('Enter');
    await navigated;
    expect(iframe.contentWindow!.location.pathname).to.equal(`${config.site}en/symptoms/${ids[0]}/`);
  });
});

describe('phone', () => {
  it('fits a 360 px wide screen with thumb-sized targets and text iOS does not zoom into', async () => {
    const iframe = await frame('<pos-faq-lookup lang="zh-CN"></pos-faq-lookup>', { width: 360, height: 700 });
    await loadWidget(iframe);
    const el = iframe.contentDocument!.querySelector('pos-faq-lookup') as Widget;
    await search(el, '连接超时');
    const doc = iframe.contentDocument!.documentElement;
    expect(doc.scrollWidth, 'no sideways scrolling').to.be.at.most(360);
    expect(input(el).getBoundingClientRect().height).to.be.at.least(44);
    expect(parseFloat(getComputedStyle(input(el)).fontSize)).to.be.at.least(16);
    for (const option of options(el)) {
      const box = option.getBoundingClientRect();
      expect(box.height).to.be.at.least(44);
      expect(box.right).to.be.at.most(360);
    }
    await until(() => options(el).length > 0, 'options');
  });
});
