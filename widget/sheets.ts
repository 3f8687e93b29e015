const sheets = new Map<string, CSSStyleSheet>();

/**
 * Adds a stylesheet to the widget's shadow root: the first script's (styles.css) when the element
 * starts, the views chunk's (views.css) when that loads. Through a constructed stylesheet, shared
 * by every widget on the page: a strict host CSP (no 'unsafe-inline' in style-src) blocks a
 * <style> element but not adoptedStyleSheets. Browsers without constructed stylesheets (Safari
 * before 16.4) get a <style> element, which works wherever the CSP allows it (the FAQ site's own
 * policy admits both by their hashes, src/integrations/headers.ts).
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
