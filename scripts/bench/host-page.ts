// The host pages the lookups are measured on, and driving either UI in them.
import { createServer, type Server } from 'node:http';
import type { Page } from 'puppeteer-core';
import type { Lang, Ui } from './figures.ts';

/** The host pages: another origin that embeds either lookup, as a vendor's support site would. */
export function hostPages(faq: string): Promise<{ url: string; server: Server }> {
  const page = (ui: Ui, lang: Lang) => {
    const tag = lang === 'zh' ? 'zh-CN' : 'en';
    const body =
      ui === 'ours'
        ? `<script src="${faq}widget/pos-faq.js" async></script></head><body><pos-faq-lookup lang="${tag}"></pos-faq-lookup>`
        : `<link rel="stylesheet" href="${faq}pagefind/${lang}/pagefind-ui.css"><script src="${faq}pagefind/${lang}/pagefind-ui.js"></script></head>` +
          `<body><div id="search"></div><script>new PagefindUI({ element: '#search', bundlePath: '${faq}pagefind/${lang}/', showImages: false, debounceTimeoutMs: 0 });</script>`;
    return `<!DOCTYPE html><html lang="${tag}"><head><meta charset="utf-8"><title>Host</title>${body}</body></html>`;
  };
  const server = createServer((req, res) => {
    const match = /^\/(ours|pagefind)-(zh|en)\.html$/.exec(req.url ?? '');
    if (!match) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(match[1] as Ui, match[2] as Lang));
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

/** Opens the host page of `ui` in `lang` and waits until the UI has drawn its search box. */
export async function openHostPage(page: Page, host: string, ui: Ui, lang: Lang): Promise<void> {
  await page.goto(`${host}${ui}-${lang}.html`, { waitUntil: 'load' });
  await page.waitForFunction(
    (ui) =>
      ui === 'ours'
        ? Boolean(document.querySelector('pos-faq-lookup')?.shadowRoot?.querySelector('input'))
        : Boolean(document.querySelector('.pagefind-ui__search-input')),
    {},
    ui,
  );
}

/**
 * In the page: clears the box, types `query` in one go and resolves when the results are on
 * screen (or the UI says there are none), in milliseconds from the input event. Works for both
 * UIs; a MutationObserver sees the result the moment it is drawn.
 */
export function typeAndWait(page: Page, ui: Ui, query: string, timeoutMs = 15_000): Promise<number | null> {
  return page.evaluate(
    async (ui, query, timeoutMs) => {
      const root = (ui === 'ours' ? document.querySelector('pos-faq-lookup')!.shadowRoot! : document.querySelector('#search')!) as ParentNode & Node;
      const input = root.querySelector<HTMLInputElement>(ui === 'ours' ? 'input' : '.pagefind-ui__search-input')!;
      const text = (sel: string) => root.querySelector(sel)?.textContent ?? '';
      const done = () => {
        if (ui === 'ours') {
          const list = root.querySelector<HTMLElement>('[role="listbox"]');
          const shown = list && !list.hidden && list.querySelector('[role="option"]') && list.getAttribute('aria-busy') !== 'true';
          return Boolean(shown) || /没有找到|No entry answers/.test(text('[aria-live], [role="status"]'));
        }
        // Pagefind UI first says it is searching, then draws a placeholder per result and fills
        // each one when its data arrives: done when every result has its link, or when it says
        // there is none (its message names the query and no longer ends in an ellipsis).
        const results = [...root.querySelectorAll('.pagefind-ui__result')];
        if (results.length) return results.every((r) => r.querySelector('.pagefind-ui__result-link'));
        const message = text('.pagefind-ui__message').trim();
        return message.includes(query) && !/(\.\.\.|…)$/.test(message);
      };
      const set = (value: string) => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      };
      const until = (test: () => boolean) =>
        new Promise<boolean>((resolve) => {
          if (test()) return resolve(true);
          const observer = new MutationObserver(() => {
            if (test()) {
              observer.disconnect();
              clearTimeout(timer);
              resolve(true);
            }
          });
          observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
          const timer = setTimeout(() => {
            observer.disconnect();
            resolve(false);
          }, timeoutMs);
        });
      input.focus();
      if (input.value) {
        set('');
        await new Promise((r) => setTimeout(r, 400));
      }
      const started = performance.now();
      set(query);
      return (await until(done)) ? performance.now() - started : null;
    },
    ui,
    query,
    timeoutMs,
  );
}
