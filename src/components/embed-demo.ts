// The live examples: el.open() on a button, and every event the page's lookups fire, newest
// first, as text. Nothing leaves the page.
const log = document.getElementById('demo-log');
for (const type of ['pos-faq-select', 'pos-faq-open', 'pos-faq-search', 'pos-faq-feedback', 'pos-faq-error']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${type} ${JSON.stringify((event as CustomEvent).detail)}`;
    log?.prepend(item);
    while (log && log.children.length > 8) log.lastElementChild?.remove();
  });
}
document.getElementById('demo-open')?.addEventListener('click', () => {
  const el = document.getElementById('demo-entry') as (HTMLElement & { open?(id: string): Promise<void> }) | null;
  el?.open?.('A0').catch(() => {});
});
