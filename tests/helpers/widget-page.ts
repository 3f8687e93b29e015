import type { ElementHandle, Page } from 'puppeteer-core';

/** A button inside the page's lookup widget, by its text. */
export async function widgetButton(page: Page, text: string): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.waitForFunction(
    (t) =>
      [...(document.querySelector('pos-faq-lookup:not(search *)')?.shadowRoot?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent === t,
      ),
    { timeout: 5_000 },
    text,
  );
  return handle as ElementHandle<HTMLButtonElement>;
}
