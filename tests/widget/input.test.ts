import { expect } from 'chai';
import { describe, input, it, mount, settled, shownIds } from './harness.ts';

describe('text that arrives before any focus event', () => {
  // Firefox's first tab (and some assistive input) delivers input without a focus event first.
  // The first input engaged the widget, whose synchronous re-render wrote the old, empty text
  // back into the box: "连接超时" became "接超时".
  it('keeps every character, and searches for it', async () => {
    const el = mount({ lang: 'zh-CN' });
    const box = input(el);
    let text = '';
    for (const ch of '连接超时') {
      text = box.value + ch;
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: ch, inputType: 'insertText' }));
    }
    expect(box.value).to.equal('连接超时');
    await settled(el, 'results for 连接超时');
    expect(box.value).to.equal('连接超时');
    expect(shownIds(el)[0]).to.equal('network-timeout');
  });
});
