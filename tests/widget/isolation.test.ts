import { expect } from 'chai';
import {
  config,
  describe,
  frame,
  indexRequests,
  input,
  it,
  loadWidget,
  options,
  part,
  search,
  sleep,
  type,
  until,
  type Widget,
} from './harness.ts';

describe('loading', () => {
  it('fetches nothing from the FAQ site before focus or typing, then loads the index once for all widgets', async () => {
    const iframe = await frame(
      '<pos-faq-lookup lang="zh-CN" query="连接超时"></pos-faq-lookup><pos-faq-lookup lang="zh-CN"></pos-faq-lookup>',
    );
    const win = iframe.contentWindow!;
    await loadWidget(iframe);
    const [a, b] = [...iframe.contentDocument!.querySelectorAll('pos-faq-lookup')] as Widget[];
    expect(a!.shadowRoot, 'rendered').not.to.equal(null);
    await sleep(600);
    expect(indexRequests(win), 'before focus').to.deep.equal([]);
    input(a!).focus();
    await until(() => options(a!).length > 0, 'results for the preset query');
    const first = indexRequests(win);
    expect(first.some((url) => url.endsWith('/site/pagefind/zh/pagefind.js'))).to.equal(true);
    await search(b!, '51');
    const again = indexRequests(win).filter((url) => /pagefind\.js|\.pagefind$|pf_meta/.test(url));
    expect(
      again.filter((url) => url.endsWith('pagefind.js')),
      'one pagefind.js',
    ).to.have.length(1);
    expect(
      again.filter((url) => url.endsWith('.pagefind')),
      'one WASM file',
    ).to.have.length(1);
    expect(
      again.filter((url) => url.includes('pf_meta')),
      'one metadata file',
    ).to.have.length(1);
  });

  it('starts loading on focus alone, before the first keystroke', async () => {
    const iframe = await frame('<pos-faq-lookup lang="en"></pos-faq-lookup>');
    await loadWidget(iframe);
    const el = iframe.contentDocument!.querySelector('pos-faq-lookup') as Widget;
    input(el).focus();
    await until(() => indexRequests(iframe.contentWindow!).length > 0, 'index requests after focus');
    expect(options(el)).to.have.length(0);
  });
});

describe('isolation from the host page', () => {
  it('adds no globals besides the custom element', async () => {
    const iframe = await frame('<pos-faq-lookup lang="en"></pos-faq-lookup>');
    const win = iframe.contentWindow! as unknown as Record<string, unknown> & Window;
    const before = new Set(Object.getOwnPropertyNames(win));
    await loadWidget(iframe);
    const el = iframe.contentDocument!.querySelector('pos-faq-lookup') as Widget;
    await search(el, '51');
    const added = Object.getOwnPropertyNames(win).filter((name) => !before.has(name));
    expect(added).to.deep.equal([]);
    expect(win.customElements.get('pos-faq-lookup')).to.be.a('function');
  });

  it('registers once: a second copy of the script is harmless', async () => {
    const iframe = await frame('<pos-faq-lookup lang="en"></pos-faq-lookup>');
    const errors: string[] = [];
    iframe.contentWindow!.addEventListener('error', (e) => errors.push(e.message));
    await loadWidget(iframe);
    await loadWidget(iframe);
    expect(errors).to.deep.equal([]);
    const el = iframe.contentDocument!.querySelector('pos-faq-lookup') as Widget;
    expect((await el.lookup('51'))[0]!.id).to.equal('insufficient-funds');
  });

  it('keeps hostile host CSS out and its own CSS in', async () => {
    const hostile = `<style>
      * { all: unset !important; }
      pos-faq-lookup { font: 40px/0 serif !important; color: red !important; letter-spacing: 1em !important;
        text-transform: uppercase !important; visibility: visible !important; }
      input, ul, li, a, label, p { display: none !important; }
    </style>`;
    const iframe = await frame(
      `${hostile}<p id="outside" class="pf-note">outside</p><pos-faq-lookup lang="en"></pos-faq-lookup>`,
    );
    await loadWidget(iframe);
    const el = iframe.contentDocument!.querySelector('pos-faq-lookup') as Widget;
    await search(el, 'paper');
    const box = input(el);
    const style = getComputedStyle(box);
    expect(box.getBoundingClientRect().height).to.be.at.least(44);
    // WebKit computes 16.799999px for 1.05 × 16 px.
    expect(Number.parseFloat(style.fontSize)).to.be.closeTo(16.8, 0.001);
    expect(style.letterSpacing).to.equal('normal');
    expect(style.textTransform).to.equal('none');
    expect(getComputedStyle(part(el, 'label')!).color).not.to.equal('rgb(255, 0, 0)');
    expect(options(el)[0]!.getBoundingClientRect().height).to.be.greaterThan(40);
    // And out: the widget's .pf-note rule does not style the host's element of the same class.
    const outside = iframe.contentDocument!.getElementById('outside')!;
    expect(iframe.contentWindow!.getComputedStyle(outside).fontSize).not.to.equal('15.2px');
  });
});

describe('content', () => {
  it('renders titles as text: markup in the index stays inert (fixture with a hostile title)', async () => {
    const iframe = await frame(`<pos-faq-lookup lang="zh-CN" base="${config.fixture}"></pos-faq-lookup>`);
    const alerts: unknown[] = [];
    iframe.contentWindow!.alert = (m?: unknown) => alerts.push(m);
    await loadWidget(iframe);
    const el = iframe.contentDocument!.querySelector('pos-faq-lookup') as Widget;
    const [first] = await el.lookup('51');
    expect(first!.title).to.contain('<img src=x onerror=alert(1)>');
    await type(el, '51');
    await until(() => options(el).length > 0, 'the hostile entry');
    expect(options(el)[0]!.textContent).to.contain('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    await sleep(200);
    expect(alerts).to.deep.equal([]);
    for (const a of el.shadowRoot!.querySelectorAll('a')) expect(a.protocol).to.match(/^https?:$/);
  });
});

describe('accessibility', () => {
  it('has no axe violations with results shown, light and dark', async () => {
    // axe-core is a classic script that defines window.axe; it runs in a frame to keep this page clean.
    const iframe = await frame(
      '<main><h1>Hilfe</h1><pos-faq-lookup lang="zh-CN" theme="light"></pos-faq-lookup><pos-faq-lookup lang="en" theme="dark"></pos-faq-lookup></main>',
    );
    await loadWidget(iframe);
    const doc = iframe.contentDocument!;
    const axeScript = doc.createElement('script');
    axeScript.src = '/node_modules/axe-core/axe.min.js';
    await new Promise((r, j) => {
      axeScript.onload = r;
      axeScript.onerror = j;
      doc.head.append(axeScript);
    });
    const [zh, en] = [...doc.querySelectorAll('pos-faq-lookup')] as Widget[];
    await search(zh!, '连接超时');
    await search(en!, 'paper');
    const axe = (
      iframe.contentWindow as unknown as {
        axe: {
          run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(doc, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] });
    const report = violations.map(
      (v) =>
        `${v.id}: ${v.help}\n${(v.nodes as { target: string[]; failureSummary: string }[]).map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary}`).join('\n')}`,
    );
    expect(report).to.deep.equal([]);
  });
});
