/**
 * What a vendor needs to embed the lookup: the snippet and the Content-Security-Policy their page
 * needs. The embed guide (src/pages/[lang]/embed.astro) prints these, and the end-to-end test
 * (tests/e2e/embed.test.ts) serves a host page with exactly this policy, so the documented
 * minimum is the tested one.
 */

/** The attributes of `<pos-faq-lookup>`, in the order the guide lists them. */
export const WIDGET_ATTRIBUTES = [
  'lang',
  'query',
  'theme',
  'limit',
  'base',
  'mode',
  'action',
  'autosearch',
  'open',
  'entry',
  'suggest',
  'report-href',
  'overlay',
] as const;

/** The light-DOM slots the host fills with its own markup. */
export const WIDGET_SLOTS = ['contact', 'brand'] as const;

/** The element's methods. */
export const WIDGET_METHODS = ['lookup', 'search', 'open'] as const;

/** The events the widget fires on its element; all bubble and cross shadow roots. */
export const WIDGET_EVENTS = ['pos-faq-select', 'pos-faq-open', 'pos-faq-search', 'pos-faq-feedback', 'pos-faq-error'] as const;

/** The host's own markup for the two slots, as the guide shows it. */
export const SLOTS_SNIPPET = `<pos-faq-lookup lang="en" report-href="https://support.example.com/missing?q={query}&lang={lang}">
  <img slot="brand" src="/img/logo.svg" alt="Example Payments support" height="32">
  <a slot="contact" href="tel:+861012345678">Call us: 010 1234 5678</a>
</pos-faq-lookup>`;

/**
 * How a vendor counts which entries the widget opened and whether they solved the problem, in
 * their own analytics (the site sends nothing anywhere). \`track\` stands for their analytics call.
 */
export const COUNT_SNIPPET = `document.addEventListener('pos-faq-open', (event) => {
  const { id, url, from } = event.detail; // from: result, suggest, deeplink, diagnosis, related
  track('faq_open', { id, from });
});
document.addEventListener('pos-faq-feedback', (event) => {
  const { id, helpful, query } = event.detail;
  track(helpful ? 'faq_solved' : 'faq_not_solved', { id, query });
});`;

/**
 * How a vendor counts the queries the lookup had no good answer for, in their own analytics: the
 * site itself sends nothing anywhere. `track` stands for whatever the vendor's analytics calls it.
 */
export const UNANSWERED_SNIPPET = `document.addEventListener('pos-faq-search', (event) => {
  const { query, count, matched, corrected } = event.detail;
  // matched is false when the box said it has no good answer.
  if (!matched) track('faq_unanswered', { query, maybe_results: count });
});`;

/**
 * The directives the widget itself needs on a host page, given the FAQ site's origin; with a
 * vendor overlay (`overlay="<url>"`), the overlay's origin too (`'self'` when the page serves it).
 */
export function cspDirectives(faqOrigin: string, overlayOrigin?: string): string[] {
  return [`script-src ${faqOrigin} 'wasm-unsafe-eval'`, `connect-src ${faqOrigin}${overlayOrigin ? ` ${overlayOrigin}` : ''}`];
}

/**
 * The strictest host policy the widget works under: nothing but the FAQ site's scripts, its
 * WebAssembly and fetches to it. No inline script or style is needed on the host's behalf: the
 * widget's styles go in through a constructed stylesheet, which CSP does not govern.
 */
export function hostCsp(faqOrigin: string, overlayOrigin?: string): string {
  return ["default-src 'self'", ...cspDirectives(faqOrigin, overlayOrigin)].join('; ');
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

/** The events and methods, as the guide shows them. */
export const EVENTS_SNIPPET = `const el = document.querySelector('pos-faq-lookup');

el.addEventListener('pos-faq-select', (event) => {
  const { id, url, title, summary, actor, codes, step } = event.detail;
  // event.preventDefault();
});

el.addEventListener('pos-faq-open', (event) => {
  const { id, url, from } = event.detail;
});

el.addEventListener('pos-faq-feedback', (event) => {
  const { id, helpful, query } = event.detail;
});

el.addEventListener('pos-faq-search', (event) => {
  const { query, count, matched, corrected } = event.detail;
});

el.addEventListener('pos-faq-error', (event) => {
  const { type, message } = event.detail; // 'timeout' | 'network' | 'blocked' | 'unsupported'
});

await customElements.whenDefined('pos-faq-lookup');
const results = await el.lookup('51');
const { matched, corrected } = await el.search('充正'); // what the box would say
await el.open('51'); // shows the entry for code 51 inside the lookup`;

/** Theming through the custom properties, as the guide shows it. */
export const STYLING_SNIPPET = `pos-faq-lookup {
  --pos-faq-accent: #c2410c;
  --pos-faq-font: "Helvetica Neue", Arial, sans-serif;
  --pos-faq-radius: 4px;
}`;
