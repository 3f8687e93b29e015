/**
 * What a vendor needs to embed the lookup: the snippet and the Content-Security-Policy their page
 * needs. The embed guide (src/pages/[lang]/embed.astro) prints these, and the end-to-end test
 * (tests/e2e/embed.test.ts) serves a host page with exactly this policy, so the documented
 * minimum is the tested one.
 */

/** The attributes of `<pos-faq-lookup>`, in the order the guide lists them. */
export const WIDGET_ATTRIBUTES = ['lang', 'query', 'theme', 'limit', 'base', 'mode', 'action', 'autosearch'] as const;

/** The events the widget fires on its element; all bubble and cross shadow roots. */
export const WIDGET_EVENTS = ['pos-faq-select', 'pos-faq-search', 'pos-faq-error'] as const;

/**
 * How a vendor counts the queries the lookup had no good answer for, in their own analytics: the
 * site itself sends nothing anywhere. `track` stands for whatever the vendor's analytics calls it.
 */
export const UNANSWERED_SNIPPET = `document.addEventListener('pos-faq-search', (event) => {
  const { query, count, matched, corrected } = event.detail;
  // matched is false when the box said it has no good answer.
  if (!matched) track('faq_unanswered', { query, maybe_results: count });
});`;

/** The directives the widget itself needs on a host page, given the FAQ site's origin. */
export function cspDirectives(faqOrigin: string): string[] {
  return [`script-src ${faqOrigin} 'wasm-unsafe-eval'`, `connect-src ${faqOrigin}`];
}

/**
 * The strictest host policy the widget works under: nothing but the FAQ site's scripts, its
 * WebAssembly and fetches to it. No inline script or style is needed on the host's behalf: the
 * widget's styles go in through a constructed stylesheet, which CSP does not govern.
 */
export function hostCsp(faqOrigin: string): string {
  return ["default-src 'self'", ...cspDirectives(faqOrigin)].join('; ');
}

/** The one-line embed: the stable script address, which always serves the latest widget. */
export function embedSnippet(site: string, lang: 'zh-CN' | 'en'): string {
  return `<script src="${site}/widget/pos-faq.js" async></script>\n<pos-faq-lookup lang="${lang}"></pos-faq-lookup>`;
}

/**
 * The pinned embed: a content-hashed copy of the script with Subresource Integrity, for hosts
 * that must approve every script change. `crossorigin` is required for the integrity check on a
 * script from another origin.
 */
export function pinnedSnippet(site: string, lang: 'zh-CN' | 'en', file: string, integrity: string): string {
  return `<script src="${site}/widget/${file}" integrity="${integrity}" crossorigin="anonymous" async></script>\n<pos-faq-lookup lang="${lang}"></pos-faq-lookup>`;
}
