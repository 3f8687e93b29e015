import { expect } from 'chai';
import { STRINGS } from '../../widget/strings.ts';
import { answers, button, endLink, focused, heading, kicker, labels, open, route, selections, shows, tree } from './diagnose-steps.ts';
import {
  SITE,
  collect,
  config,
  describe,
  frame,
  input,
  it,
  loadWidget,
  mount,
  part,
  press,
  slowSite,
  status,
  until,
  watchWarnings,
  type Widget,
} from './harness.ts';

/*
 * The widget's "not sure? answer a few questions" path: the site's diagnosis tree, walked inside
 * the widget. The route to an entry is read from the tree the site publishes, so rewording or
 * reordering answers does not break these tests; losing the entry, or showing anything but what
 * the tree says, does.
 */

const LANGS = [
  { lang: 'zh-CN', locale: 'zh', button: '说不清楚？回答几个问题 →', who: '谁来处理：', merchant: '商户' },
  { lang: 'en', locale: 'en', button: 'Not sure? Answer a few questions →', who: 'Who acts: ', merchant: 'Merchant' },
] as const;
/** The widget's own words for the diagnosis, as a reader sees them. */
const WORDS = {
  'zh-CN': { found: '最可能的问题：', back: '← 上一步', restart: '↺ 从头开始', step: (n: number) => `第 ${n} 问` },
  en: { found: 'Most likely:', back: '← Back', restart: '↺ Start again', step: (n: number) => `Question ${n}` },
} as const;

describe('the diagnosis in the widget', () => {
  for (const { lang, locale, button: label, who, merchant } of LANGS) {
    const words = WORDS[lang];
    for (const entry of ['receipt-blank', 'network-timeout']) {
      it(`walks in ${lang} from the first question to ${entry}, back, and again from the start`, async () => {
        const data = await tree(SITE, locale);
        const steps = route(data, entry);
        expect(steps.length).to.be.within(1, 4);
        const selected = selections();
        try {
          const el = mount({ lang, open: 'page' });
          await open(el, label);
          for (const [i, { id, answer }] of steps.entries()) {
            const q = data.questions[id]!;
            await shows(el, q.question);
            expect(q.depth).to.equal(i + 1);
            expect(kicker(el)).to.equal(`${data.title} · ${words.step(i + 1)}`);
            expect(labels(el)).to.deep.equal(q.answers.map((a) => a.answer));
            // The live region says the question too, for screen readers that do not follow focus.
            expect(status(el)).to.equal(q.question);
            expect(!!button(el, words.restart), 'start again, from the second question on').to.equal(i > 0);
            answers(el)[answer]!.click();
          }

          // The end: the entry with who acts and its first step, linking to the entry's page.
          await shows(el, words.found);
          const e = data.entries[entry]!;
          const link = endLink(el)!;
          expect(link.href).to.equal(`${SITE}${locale}/symptoms/${entry}/`);
          expect(link.querySelector('.pf-title')!.textContent).to.equal(`${e.title} →`);
          // Who acts: the merchant loads the paper; for the other entry, whoever the entry names first.
          const actor = entry === 'receipt-blank' ? merchant : STRINGS[lang].actors[e.actor as keyof typeof STRINGS.en.actors];
          expect(actor).to.be.a('string').and.not.be.empty;
          expect(link.querySelector('.pf-who')!.textContent).to.equal(`${who}${actor}`);
          expect(link.querySelector('.pf-step')!.textContent).to.equal(e.step);
          expect(e.step.length).to.be.greaterThan(10);
          expect(status(el)).to.equal(e.title);

          // Choosing it tells the host, as a lookup result does.
          link.click();
          expect(selected.events).to.have.length(1);
          const { detail } = selected.events[0]!;
          expect(detail.id).to.equal(entry);
          expect(detail.url).to.equal(link.href);
          expect(detail.title).to.equal(e.title);
          expect(detail.actor).to.equal(e.actor);
          expect(detail.step).to.equal(e.step);

          // Back goes to the last question, then the one before it.
          button(el, words.back)!.click();
          await shows(el, data.questions[steps.at(-1)!.id]!.question);
          if (steps.length > 1) {
            button(el, words.back)!.click();
            await shows(el, data.questions[steps.at(-2)!.id]!.question);
          }
          // Start again: the first question, with no "start again" on it.
          button(el, words.restart)!.click();
          await shows(el, data.questions[data.start]!.question);
          expect(button(el, words.restart)).to.equal(undefined);
          // Back from the first question: the box again, focus on the way back in.
          button(el, words.back)!.click();
          await until(() => input(el), 'the box');
          await until(() => focused(el) === button(el, label), 'focus on the diagnosis button');
        } finally {
          selected.stop();
        }
      });
    }
  }

  it('is fully usable from the keyboard, focus following the questions', async () => {
    const data = await tree(SITE, 'en');
    const steps = route(data, 'receipt-blank');
    const el = mount({ lang: 'en', open: 'page' });
    const start = await until(() => button(el, LANGS[1].button), 'the diagnosis button');
    start.focus();
    await press('Enter');
    for (const { id, answer } of steps) {
      await shows(el, data.questions[id]!.question);
      // From the heading, Tab walks the answers in order.
      for (let i = 0; i <= answer; i++) await press('Tab');
      expect(focused(el)).to.equal(answers(el)[answer]);
      await press(answer % 2 ? 'Enter' : ' ');
    }
    await shows(el, WORDS.en.found);
    await press('Tab');
    expect(focused(el)).to.equal(endLink(el));
    await press('Tab');
    expect(focused(el)).to.equal(button(el, WORDS.en.back));
    await press('Enter');
    await shows(el, data.questions[steps.at(-1)!.id]!.question);
  });

  it('fetches nothing until the diagnosis is opened, then its tree once', async () => {
    const iframe = await frame('<pos-faq-lookup lang="zh-CN"></pos-faq-lookup>');
    await loadWidget(iframe);
    const win = iframe.contentWindow!;
    const el = iframe.contentDocument!.querySelector('pos-faq-lookup') as Widget;
    const trees = () =>
      win.performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((name) => name.includes('/widget/diagnose/'));
    const start = await until(() => button(el, LANGS[0].button), 'the diagnosis button');
    await new Promise((r) => setTimeout(r, 300));
    expect(trees()).to.deep.equal([]);
    start.click();
    await until(() => heading(el), 'the first question');
    answers(el)[0]!.click();
    (await until(() => button(el, WORDS['zh-CN'].restart), 'the second question')).click();
    await until(() => !button(el, WORDS['zh-CN'].restart), 'the first question');
    button(el, WORDS['zh-CN'].back)!.click();
    await until(() => button(el, LANGS[0].button), 'the box again');
    button(el, LANGS[0].button)!.click();
    await until(() => heading(el), 'the first question again');
    expect(trees()).to.deep.equal([new URL(`${config.site}widget/diagnose/zh.json`, location.href).href]);
    // The lookup's index is not loaded by the diagnosis either.
    expect(win.performance.getEntriesByType('resource').filter((e) => e.name.includes('/pagefind/'))).to.deep.equal([]);
  });

  it('opens at once with mode="diagnose", without taking the focus, and closes when it is removed', async () => {
    const data = await tree(SITE, 'en');
    const el = mount({ lang: 'en', mode: 'diagnose', open: 'page' });
    await shows(el, data.questions[data.start]!.question, { focus: false });
    expect(document.activeElement).to.not.equal(el);
    expect(input(el)).to.equal(null);
    el.removeAttribute('mode');
    await until(() => input(el), 'the box');
    el.setAttribute('mode', 'DIAGNOSE');
    await shows(el, data.questions[data.start]!.question, { focus: false });
  });

  it('starts over in the new language when lang changes', async () => {
    const [zh, en] = await Promise.all([tree(SITE, 'zh'), tree(SITE, 'en')]);
    const el = mount({ lang: 'zh-CN', mode: 'diagnose', open: 'page' });
    await shows(el, zh.questions[zh.start]!.question, { focus: false });
    answers(el)[0]!.click();
    await shows(el, zh.questions[zh.questions[zh.start]!.answers[0]!.next!]!.question);
    el.setAttribute('lang', 'en');
    await shows(el, en.questions[en.start]!.question, { focus: false });
    expect(part(el, '[part="root"]')!.lang).to.equal('en');
  });

  it('shows markup in the tree as text', async () => {
    const data = await tree(config.fixture, 'en');
    const el = mount({ lang: 'en', base: config.fixture, open: 'page' });
    await open(el, LANGS[1].button);
    await shows(el, data.questions[data.start]!.question);
    const detail = answers(el)[1]!.lastElementChild!;
    expect(detail.textContent).to.equal('<script>alert(1)</script> & "even the power key"');
    expect(el.shadowRoot!.querySelector('script')).to.equal(null);
    answers(el)[1]!.click();
    await shows(el, WORDS.en.found);
    expect(endLink(el)!.href).to.equal(new URL(`${config.fixture}en/symptoms/network-timeout/`, location.href).href);
  });
});

describe('when the diagnosis cannot be loaded', () => {
  for (const [lang, message, link] of [
    ['zh-CN', '查询服务暂时无法使用。请直接打开 POS 机故障自助指南', '打开 POS 机故障自助指南'],
    [
      'en',
      'The lookup is not available right now. Please open the POS terminal help site',
      'open the POS terminal help site',
    ],
  ] as const) {
    it(`says so in ${lang}, links to the site's diagnosis, fires one pos-faq-error and logs one line`, async () => {
      const warnings = watchWarnings();
      const fired = collect<{ type: string; message: string }>('pos-faq-error');
      const base = `/nowhere-diagnose-${lang}/`;
      const locale = lang === 'en' ? 'en' : 'zh';
      try {
        const el = mount({ lang, base, open: 'page' });
        const start = await until(() => button(el, LANGS.find((l) => l.lang === lang)!.button), 'the button');
        start.click();
        const error = await until(() => part(el, '[role="alert"]'), 'the error message');
        expect(error.textContent).to.equal(message);
        const a = error.querySelector('a')!;
        expect(a.textContent).to.equal(link);
        expect(a.href).to.equal(new URL(`${base}${locale}/diagnose/`, location.href).href);
        await until(() => focused(el) === a, 'focus on the link to the site');
        expect(fired.events).to.have.length(1);
        expect(fired.events[0]!.detail.type).to.equal('network');
        expect(fired.events[0]!.detail.message).to.contain(
          new URL(`${base}widget/diagnose/${locale}.json`, location.href).href,
        );
        expect(warnings.lines).to.have.length(1);
        expect(warnings.lines[0]).to.match(/^\[pos-faq\] /);
        // Back to the box, which still works as a box.
        button(el, WORDS[lang].back)!.click();
        await until(() => input(el), 'the box');
        expect(input(el).disabled).to.equal(false);
      } finally {
        warnings.restore();
        fired.stop();
      }
    });
  }

  it('gives up after 8 s when the site does not answer, with type "timeout"', async function () {
    this.timeout(20_000);
    const warnings = watchWarnings();
    const fired = collect<{ type: string }>('pos-faq-error');
    try {
      const el = mount({ lang: 'en', base: slowSite(), mode: 'diagnose' });
      const started = performance.now();
      await until(() => part(el, '[role="alert"]'), 'the error message', 12_000);
      expect(performance.now() - started).to.be.within(7_500, 11_000);
      expect(fired.events.map((e) => e.detail.type)).to.deep.equal(['timeout']);
      expect(warnings.lines).to.have.length(1);
      expect(warnings.lines[0]).to.match(/^\[pos-faq\] the diagnosis did not answer within 8 s/);
    } finally {
      warnings.restore();
      fired.stop();
    }
  });
});
