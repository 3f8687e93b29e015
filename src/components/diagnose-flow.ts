/**
 * Progressive enhancement of the guided diagnosis. Every question is a real page of plain
 * links; with JavaScript, a link marked `data-diagnose` fetches the next question's page and
 * swaps its <main> in place, so the flow feels like one page. The address follows with
 * history.pushState and the browser's back button returns to the previous question (popstate).
 *
 * Anything unexpected (no network, a server error, a page that is not a question) falls back to
 * ordinary navigation, so the enhancement can only make things faster, never break them.
 */

const LINK = 'a[data-diagnose]';
/** Elements outside <main> that name the current page: copied over from the fetched one. */
const PAGE_LINKS = 'link[rel="canonical"], link[rel="alternate"], a.lang-switch';

const pages = new Map<string, Promise<Document>>();
let shown = location.pathname;
let ticket = 0;

function load(url: string): Promise<Document> {
  const key = url.split('#')[0]!;
  let page = pages.get(key);
  if (!page) {
    page = fetch(key, { headers: { Accept: 'text/html' } })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
      .then((html) => new DOMParser().parseFromString(html, 'text/html'));
    // A failed load is not remembered: the next click tries again.
    page.catch(() => pages.delete(key));
    pages.set(key, page);
  }
  return page;
}

function swap(next: Document): void {
  const main = document.querySelector('main');
  const incoming = next.querySelector('main');
  if (!main || !incoming?.querySelector('[data-diagnose-node]')) throw new Error('not a diagnosis page');
  main.replaceChildren(...Array.from(incoming.childNodes, (n) => document.importNode(n, true)));
  document.title = next.title;
  const mine = document.querySelectorAll<HTMLLinkElement | HTMLAnchorElement>(PAGE_LINKS);
  const theirs = next.querySelectorAll<HTMLLinkElement | HTMLAnchorElement>(PAGE_LINKS);
  mine.forEach((el, i) => {
    const href = theirs[i]?.getAttribute('href');
    if (href) el.setAttribute('href', href);
  });
}

async function go(url: string, push: boolean): Promise<void> {
  const mine = ++ticket;
  try {
    const next = await load(url);
    // A later click or a back press won the race: its page is the one to show.
    if (mine !== ticket) return;
    swap(next);
    if (push) history.pushState({ diagnose: true }, '', url);
    shown = location.pathname;
    window.scrollTo(0, 0);
    // The new question's heading takes focus, so screen readers announce it.
    document.querySelector<HTMLElement>('main h1')?.focus();
  } catch {
    if (push) location.assign(url);
    else location.replace(url);
  }
}

function diagnoseLink(event: Event): HTMLAnchorElement | null {
  const link = event.target instanceof Element ? event.target.closest(LINK) : null;
  return link instanceof HTMLAnchorElement && link.origin === location.origin && !link.target ? link : null;
}

// From file:// (the offline bundle) fetch is refused, so there the plain links do all the work.
if (location.protocol !== 'file:' && 'pushState' in history) {
  // The page as loaded, for the back button to return to without asking the server again.
  pages.set(location.href.split('#')[0]!, Promise.resolve(document.cloneNode(true) as Document));
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = diagnoseLink(event);
    if (!link) return;
    event.preventDefault();
    void go(link.href, true);
  });
  // Start loading the next page as soon as the pointer or the focus reaches an answer.
  const warm = (event: Event) => {
    const link = diagnoseLink(event);
    if (link) load(link.href).catch(() => {});
  };
  for (const type of ['pointerover', 'focusin', 'touchstart']) document.addEventListener(type, warm, { passive: true });
  addEventListener('popstate', () => {
    // Only a change of page matters; a jump to an anchor (the skip link) stays where it is.
    if (location.pathname !== shown) void go(location.href, false);
  });
}
