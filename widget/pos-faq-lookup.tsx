/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { createRef, h, render } from 'preact';
import { adoptStyles } from './sheets.ts';
import css from './styles.css';
import { Lookup } from './Lookup.tsx';
import { loadOverlay } from './overlay-load.ts';
import type { Overlay } from './overlay-types.ts';
import {
  LookupError,
  diagnosis,
  find,
  preload,
  siteBase,
  type LoadErrorType,
  type LookupResult,
  type Outcome,
} from './search-client.ts';
import { STRINGS, siteLocale, widgetLang } from './strings.ts';

const TAG = 'pos-faq-lookup';
const PREFIX = '[pos-faq]';

/** `detail` of the `pos-faq-error` event. */
export interface PosFaqErrorDetail {
  type: LoadErrorType;
  message: string;
}

/**
 * The site this script was loaded from: the lookup reads its index from there unless a `base`
 * attribute says otherwise. Read once, while the script runs: `currentScript` is null later, and
 * null for a module script, hence the search by file name as a second choice.
 */
const scriptSite = (() => {
  const current = document.currentScript;
  // `document.currentScript` can be clobbered by an element named "currentScript": only a real
  // <script src> counts.
  const script =
    current instanceof HTMLScriptElement && current.src
      ? current
      : document.querySelector<HTMLScriptElement>('script[src*="/widget/pos-faq"]');
  return new URL(script?.src ? '../' : '/', script?.src || document.baseURI).href;
})();

/** `detail` of the `pos-faq-search` event, fired after each search the box shows. */
export interface PosFaqSearchDetail {
  query: string;
  /** How many results the box shows (under "maybe" when not matched). */
  count: number;
  /** False when the box said it has no good answer: an unanswered query, worth counting. */
  matched: boolean;
  /** The query searched instead of a typed word that matched nothing, or null. */
  corrected: string | null;
}

/** A copy for the host, so that what the host does with a result cannot change what the box shows. */
const copy = (r: LookupResult): LookupResult => ({ ...r, codes: [...r.codes] });

/** Says so, once a line, prefixed; a host console that throws must not reach the host page. */
const warn = (message: string) => {
  try {
    console.warn(`${PREFIX} ${message}`);
  } catch {
    // Nothing to do: the widget never throws into the host page.
  }
};

/**
 * `<pos-faq-lookup>`: the FAQ lookup as a custom element, with the site's guided diagnosis behind
 * a button (or at once with `mode="diagnose"`). Attributes `lang`, `query`, `theme`, `limit`,
 * `base` and `mode` are read on every change. Events `pos-faq-select` and `pos-faq-error` bubble
 * and cross shadow boundaries. Nothing here throws into the host page.
 */
class PosFaqLookup extends HTMLElement {
  static observedAttributes = ['lang', 'query', 'theme', 'limit', 'base', 'mode', 'action', 'open', 'entry', 'suggest', 'report-href'];
  #root: ShadowRoot | undefined;
  #lookup = createRef<Lookup>();
  /** The `entry` attribute last opened, so that a re-render does not open it again. */
  #entry: string | null = null;
  /** Set on the first focus or keystroke; nothing is fetched before. */
  #engaged = false;
  #reported = new Set<string>();
  /**
   * What was typed into the element's own light-DOM input before the script ran (the site's header
   * search is a plain form until someone focuses it): the box takes it over.
   */
  #typed = '';

  get #lang() {
    return widgetLang(this.getAttribute('lang'));
  }
  /** The FAQ site: the `base` attribute, resolved like a link on the host page, or the script's site. */
  get #site() {
    let site = scriptSite;
    try {
      site = new URL(this.getAttribute('base') || scriptSite, document.baseURI).href;
    } catch {
      // An unparseable base falls back to the script's own site.
    }
    return siteBase(site);
  }
  get #limit() {
    const n = Number.parseInt(this.getAttribute('limit') ?? '', 10);
    return n > 0 ? Math.min(n, 20) : 5;
  }

  connectedCallback() {
    let focused = false;
    if (!this.#root) {
      // Read before the shadow root hides the light DOM (and moves focus out of it).
      const light = this.querySelector('input');
      focused = !!light && light === document.activeElement;
      this.#typed = light?.value ?? '';
      this.#root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      adoptStyles(this.#root, css);
      // A finger on the box comes a tap's length before its focus (on a phone, focus waits for
      // the finger to lift): the index starts loading at the touch. Loads are shared, so the
      // focus that follows starts nothing twice.
      this.#root.addEventListener('pointerdown', () => preload(this.#site, this.#lang).catch(() => {}));
    }
    this.#entry = null;
    // `autosearch` (a results page) searches its `query` at once; a box someone has typed into or
    // is in searches what is there.
    if (focused || this.#typed || this.hasAttribute('autosearch')) this.#engage();
    else this.#render();
    if (focused) {
      const box = this.#root.querySelector('input');
      box?.focus();
      box?.setSelectionRange(box.value.length, box.value.length);
    }
  }

  #engage() {
    const lookup = this.#lookup.current;
    if (lookup?.props.suggest) lookup.views().then((views) => views.suggest(lookup), () => {});
    if (this.#engaged) return;
    this.#engaged = true;
    // Start loading while the user types; a failure is reported by the search that needs it.
    preload(this.#site, this.#lang).catch(() => {});
    this.#render();
  }

  attributeChangedCallback() {
    if (this.#root && this.isConnected) this.#render();
  }

  /**
   * Opens an entry inside the widget by its id or a response code it explains (`51`,
   * `paper-jam`), as the `entry` attribute does. Resolves once the entry is shown; rejects with
   * the widget's LookupError: `type` `unknown` when the site has no such entry or code, else as
   * `lookup` does.
   */
  open(idOrCode: string): Promise<void> {
    // Before the element is connected there is no Lookup: a rejection, never a throw.
    return Promise.resolve().then(() => this.#lookup.current!.openEntry(String(idOrCode ?? '')));
  }

  disconnectedCallback() {
    if (this.#root) render(null, this.#root);
  }

  /**
   * Looks up a query and resolves to the results in the order the box shows them:
   * `[{ id, url, title, summary, actor, codes, step }]`. Rejects with an Error whose `type` is
   * `timeout`, `network`, `blocked` or `unsupported` when the index cannot be loaded; that is also reported
   * through `pos-faq-error`.
   */
  lookup(query: string): Promise<LookupResult[]> {
    return this.search(query).then((o) => o.results);
  }

  /**
   * Looks up a query as the box does and resolves to what it would show:
   * `{ query, corrected, matched, results }` (see `PosFaqSearchDetail`). Rejects like `lookup`.
   */
  search(query: string): Promise<Outcome> {
    return this.#search(query, false).then((o) => ({ ...o, results: o.results.map(copy) }));
  }

  #search(query: string, literal: boolean): Promise<Outcome> {
    return this.#report(find(this.#site, this.#lang, String(query ?? ''), this.#limit, literal, this.#overlay()));
  }

  /** An overlay address that could not be used: not tried again, so that no search waits for it twice. */
  #badOverlay: string | null = null;

  /**
   * The vendor overlay the `overlay` attribute names (read at each search, so a change counts from
   * the next one), or null; one that cannot be used is reported once and the lookup goes on without it.
   */
  #overlay(): Promise<Overlay | null> | null {
    const url = this.getAttribute('overlay');
    return url && url !== this.#badOverlay
      ? loadOverlay(this.#site, url).catch((error: unknown) => {
          this.#badOverlay = url;
          this.#fail(error);
          return null;
        })
      : null;
  }

  /** Passes a load on, reporting its failure to the host first. */
  #report<T>(load: Promise<T>): Promise<T> {
    return load.catch((error: unknown) => {
      this.#fail(error);
      throw error;
    });
  }

  #fire<T>(type: string, detail: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  #render() {
    const lang = this.#lang;
    const site = this.#site;
    const locale = siteLocale(lang);
    const strings = STRINGS[lang];
    // On the FAQ site itself, entries are pages of the same site: results go there, and nothing
    // the host element carries in its light DOM (a contact, a brand) is shown.
    const home = location.href.startsWith(site);
    render(
      <Lookup
        ref={this.#lookup}
        strings={strings}
        lang={lang}
        site={site}
        locale={locale}
        inside={!home && this.getAttribute('open') !== 'page'}
        home={home}
        suggest={this.getAttribute('suggest')}
        reportHref={this.getAttribute('report-href')}
        query={this.getAttribute('query') ?? this.#typed}
        limit={this.#limit}
        engaged={this.#engaged}
        onEngage={() => this.#engage()}
        search={(q, literal) => this.#search(q, literal)}
        overlay={() => this.#overlay()}
        action={this.getAttribute('action')}
        onSearch={(o) =>
          this.#fire<PosFaqSearchDetail>('pos-faq-search', {
            query: o.query,
            count: o.results.length,
            matched: o.matched,
            corrected: o.corrected ?? null,
          })
        }
        mode={this.getAttribute('mode')}
        diagnose={() => this.#report(diagnosis(site, lang))}
        onSelect={(result) => this.#fire('pos-faq-select', copy(result), true)}
      />,
      this.#root!,
    );
    // The `entry` attribute: a deep link, opened once per value. An unknown one says so once.
    const entry = this.getAttribute('entry');
    if (entry && entry !== this.#entry) {
      this.#entry = entry;
      this.open(entry).catch((error: LookupError) =>
        error.type === 'unknown' ? warn(`entry: ${error.message}`) : this.#fail(error),
      );
    }
  }

  /** Tells the host once per kind of failure: one console line and one event. Never throws. */
  #fail(error: unknown) {
    const type: LoadErrorType = error instanceof LookupError ? error.type : 'network';
    const message = error instanceof Error ? error.message : String(error);
    if (this.#reported.has(type)) return;
    this.#reported.add(type);
    warn(message);
    try {
      this.#fire<PosFaqErrorDetail>('pos-faq-error', { type, message });
    } catch {
      // The host may have replaced console with something that throws; that must not reach the host.
    }
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, PosFaqLookup);
