import { render } from 'preact';
import css from './styles.css';
import { Lookup } from './Lookup.tsx';
import { LookupError, lookup, preload, siteBase, type LookupResult } from './search-client.ts';
import { STRINGS, siteLocale, widgetLang } from './strings.ts';

const TAG = 'pos-faq-lookup';
const PREFIX = '[pos-faq]';

/**
 * The site this script was loaded from: the lookup reads its index from there unless a `base`
 * attribute says otherwise. Read once, while the script is running: `currentScript` is null later.
 */
const scriptSite = (() => {
  const script = document.currentScript;
  // House rule: only trust it if it really is a <script src>, not an element named currentScript.
  if (script instanceof HTMLScriptElement && script.src) return new URL('../', script.src).href;
  return new URL('/', document.baseURI).href;
})();

let sheet: CSSStyleSheet | undefined;
/**
 * Styles go in through a constructed stylesheet: a strict host CSP (no 'unsafe-inline' in
 * style-src) blocks a <style> element but not adoptedStyleSheets.
 */
function applyStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

class PosFaqLookup extends HTMLElement {
  static observedAttributes = ['lang', 'query', 'theme', 'limit', 'base'];
  #root: ShadowRoot | undefined;
  #reported = new Set<string>();

  get #lang() {
    return widgetLang(this.getAttribute('lang'));
  }
  get #site() {
    return siteBase(this.getAttribute('base') || scriptSite);
  }
  get #limit() {
    const n = Number.parseInt(this.getAttribute('limit') ?? '', 10);
    return Number.isFinite(n) && n > 0 ? Math.min(n, 20) : 5;
  }

  connectedCallback() {
    if (!this.#root) {
      this.#root = this.attachShadow({ mode: 'open' });
      applyStyles(this.#root);
    }
    this.#render();
  }

  attributeChangedCallback() {
    if (this.#root) this.#render();
  }

  disconnectedCallback() {
    if (this.#root) render(null, this.#root);
  }

  /**
   * Looks up a query and resolves to the results in the order the box shows them. Rejects with
   * an Error whose `type` is timeout, network or blocked when the index cannot be loaded.
   */
  lookup(query: string): Promise<LookupResult[]> {
    return lookup(this.#site, this.#lang, query, this.#limit);
  }

  #render() {
    const lang = this.#lang;
    const site = this.#site;
    const theme = this.getAttribute('theme');
    this.dataset['theme'] = theme === 'light' || theme === 'dark' ? theme : 'auto';
    render(
      <Lookup
        // A new language or site is a new lookup: remount so no stale results remain.
        key={`${lang} ${site}`}
        strings={STRINGS[lang]}
        site={site}
        locale={siteLocale(lang)}
        initialQuery={this.getAttribute('query') ?? ''}
        search={(q) => this.lookup(q)}
        warm={() => {
          preload(site, lang).catch(() => {
            // Reported when the lookup itself fails, once, with the reason.
          });
        }}
        onSelect={(result) =>
          this.dispatchEvent(
            new CustomEvent('pos-faq-select', { detail: result, bubbles: true, composed: true, cancelable: true }),
          )
        }
        onError={(error) => this.#fail(error)}
      />,
      this.#root!,
    );
  }

  /** Tells the host once per kind of failure: one console line and one event. Never throws. */
  #fail(error: unknown) {
    const type = error instanceof LookupError ? error.type : 'network';
    const message = error instanceof Error ? error.message : String(error);
    if (this.#reported.has(type)) return;
    this.#reported.add(type);
    console.warn(`${PREFIX} ${message}`);
    this.dispatchEvent(new CustomEvent('pos-faq-error', { detail: { type, message }, bubbles: true, composed: true }));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, PosFaqLookup);
