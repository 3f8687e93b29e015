import { createHash } from 'node:crypto';

/**
 * The only inline script of the site, in every page's head (the CSP admits it by its hash,
 * src/integrations/headers.ts). The header search is a plain form to the results page until
 * someone focuses its box or types: then this loads the widget, which takes over the form's box
 * with whatever was typed (widget/pos-faq-lookup.tsx, connectedCallback). Nothing else loads
 * before. On the results page it also hands the `?q=` of the address to the box there, which
 * searches at once (`autosearch`).
 *
 * The widget's address is derived from the form's `action` (`/zh/search/`, two folders below the
 * site root), so that the offline bundle, which rewrites the action into a relative file link,
 * finds its own copy. Online it also starts loading Pagefind's runtime and the query script while
 * the widget downloads, which takes a step off the first search.
 */
export const SEARCH_LOADER = [
  '(()=>{let d=document,l=0,go=()=>{',
  "let f=d.querySelector('search form'),g=d.documentElement.lang.slice(0,2),",
  "a=(r,h,x)=>{x=d.createElement(r=='s'?'script':'link');r=='s'?x.src=h:(x.rel=r,x.href=h,x.as='script');d.head.append(x)},",
  "u=p=>new URL('../../'+p,f.action).href;",
  "if(l||!f||customElements.get('pos-faq-lookup'))return;l=1;a('s',u('widget/pos-faq.js'));",
  // Online, what the widget loads next starts at once too (from file:// it loads other files).
  "if(location.protocol!='file:'){a('modulepreload',u(`pagefind/${g}/pagefind.js`));a('preload',u(`pagefind/${g}/pos-faq-query.js`))}",
  // While the widget downloads, the main thread is idle: the browser's one-time cost of the first
  // word segmenter (ICU's data, 15 to 30 ms) is paid then, rather than in the first search.
  "setTimeout(()=>self.Intl&&Intl.Segmenter&&new Intl.Segmenter(g,{granularity:'word'}))};",
  "d.addEventListener('focusin',e=>e.target.name=='q'&&go());",
  "d.addEventListener('input',e=>e.target.name=='q'&&go());",
  "d.addEventListener('DOMContentLoaded',()=>{let q=new URLSearchParams(location.search).get('q');",
  "for(let e of d.querySelectorAll('[autosearch]'))q&&e.setAttribute('query',q)})})()",
].join('');

/** The CSP source that admits the loader. */
export const SEARCH_LOADER_HASH = `'sha256-${createHash('sha256').update(SEARCH_LOADER).digest('base64')}'`;
