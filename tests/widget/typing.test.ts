// Text as it arrives from real keyboards and input methods, in any engine: every character kept,
// a committed IME word searched at once, the provisional pinyin of a composition never searched.
import { expect } from 'chai';
import { collect, describe, input, it, mount, settled, shownIds, sleep, until } from './harness.ts';
import { DEBOUNCE_MS } from '../../widget/Lookup.tsx';

/** One input event as the engine would fire it after the box's value changed. */
function fire(box: HTMLInputElement, value: string, init: InputEventInit = {}) {
  box.value = value;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, ...init }));
}

describe('typing', () => {
  it('keeps every character typed before any focus event (Firefox fires input first)', async () => {
    const el = mount({ lang: 'zh-CN' });
    const box = input(el);
    // No focus at all: the first input event engages the element, which re-renders at once.
    for (const c of '连接超时') fire(box, box.value + c, { inputType: 'insertText', data: c });
    expect(box.value).to.equal('连接超时');
    await settled(el);
    expect(input(el).value).to.equal('连接超时');
    expect(shownIds(el)[0]).to.equal('network-timeout');
  });

  it('searches a committed IME word at once, right after focus', async () => {
    const el = mount({ lang: 'zh-CN' });
    const box = input(el);
    const searches = collect<{ query: string }>('pos-faq-search');
    try {
      box.focus();
      const started = performance.now();
      fire(box, '连接超时', { inputType: 'insertCompositionText', data: '连接超时' });
      await until(() => searches.events.length > 0, 'the search event');
      expect(searches.events[0]!.detail.query).to.equal('连接超时');
      // The index loads in the meantime; what matters is that no debounce was waited for on top.
      console.info(`IME word → shown in ${Math.round(performance.now() - started)} ms`);
    } finally {
      searches.stop();
    }
  });

  it('does not search the pinyin of a composition, and searches its result when it ends', async () => {
    const el = mount({ lang: 'zh-CN' });
    const box = input(el);
    const searches = collect<{ query: string }>('pos-faq-search');
    try {
      box.focus();
      box.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
      for (const text of ['q', 'qi', 'qian', 'qiand', 'qiandao']) fire(box, text, { isComposing: true, inputType: 'insertCompositionText' });
      await sleep(DEBOUNCE_MS * 3);
      expect(searches.events).to.have.length(0);
      // Chromium fires the last input while still composing, Firefox after compositionend: both work.
      fire(box, '签到', { isComposing: true, inputType: 'insertCompositionText' });
      box.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '签到' }));
      await until(() => searches.events.length > 0, 'the search event');
      expect(searches.events.map((e) => e.detail.query)).to.deep.equal(['签到']);
    } finally {
      searches.stop();
    }
  });

  it('still waits for a pause between single keystrokes', async () => {
    const el = mount({ lang: 'en' });
    const box = input(el);
    const searches = collect<{ query: string }>('pos-faq-search');
    try {
      box.focus();
      for (const c of 'paper') {
        fire(box, box.value + c, { inputType: 'insertText', data: c });
        await sleep(DEBOUNCE_MS / 4);
      }
      await until(() => searches.events.length > 0, 'the search event');
      await sleep(DEBOUNCE_MS * 2);
      expect(searches.events.map((e) => e.detail.query)).to.deep.equal(['paper']);
    } finally {
      searches.stop();
    }
  });
});
