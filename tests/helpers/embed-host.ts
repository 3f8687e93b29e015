// The vendor's side of an embed, for the browser tests: a host page on another origin with a
// strict CSP, <html lang="de"> and a stylesheet that tries to flatten everything.
import { createServer, type Server } from 'node:http';
import { hostCsp } from '../../src/lib/embed.ts';
import type { Engine, Tab } from './engine-tab.ts';

export interface Origin {
  url: string;
  close(): Promise<void>;
}

/** A hostile host stylesheet: a file, since the host's own CSP forbids inline styles. */
export const HOSTILE_CSS = `
* { all: unset !important; }
head, script, style, title { display: none !important; }
body { display: block !important; margin: 1em !important; font: 13px/1.2 serif !important; }
pos-faq-lookup { font: 40px/0 "Comic Sans MS", serif !important; color: red !important;
  letter-spacing: 0.5em !important; text-transform: uppercase !important; }
input, ul, li, a, label, p, span { font-size: 8px !important; color: red !important; }
`;

export interface HostOptions {
  faq: string;
  lang?: string;
  base?: string;
  csp?: string;
  pinned?: { file: string; integrity: string };
  /** More attributes of the element (`suggest`, `entry`, `report-href`…), written as they are. */
  attributes?: Record<string, string>;
  /** The host's light-DOM children of the element: `<a slot="contact">`, `<img slot="brand">`. */
  children?: string;
  /**
   * The widget's `overlay` attribute: a vendor overlay's JSON, which the host serves from `files`
   * (its CSP then adds `'self'` to connect-src).
   */
  overlay?: string;
  /** More widgets after the first, each with these attributes besides `lang` (and `overlay`, if given here). */
  more?: Record<string, string>[];
}

/** The vendor's page: everything comes from the query string, since the page may run no script of its own. */
export function hostPage({ faq, lang = 'zh-CN', base, pinned, attributes = {}, children = '', overlay, more = [] }: HostOptions): string {
  const attrs = (all: Record<string, string>) =>
    Object.entries(all)
      .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
      .join('');
  const script = pinned
    ? `<script src="${faq}/widget/${pinned.file}" integrity="${pinned.integrity}" crossorigin="anonymous" async></script>`
    : `<script src="${faq}/widget/pos-faq.js" async></script>`;
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Händler-Support</title>
<link rel="stylesheet" href="/hostile.css">
${script}
</head>
<body>
<h1>Hilfe zum Kartenterminal</h1>
<form action="/suche" method="get"><label>Suche <input id="host-input" name="q"></label></form>
<pos-faq-lookup lang="${lang}"${base ? ` base="${base}"` : ''}${attrs({ ...(overlay ? { overlay } : {}), ...attributes })}>${children}</pos-faq-lookup>
${more.map((a) => `<pos-faq-lookup lang="${lang}"${attrs(a)}></pos-faq-lookup>`).join('\n')}
<p><a id="host-link" href="#kontakt">Kontakt</a></p>
<h2 id="kontakt">Kontakt</h2>
</body>
</html>`;
}

/** A file the host serves besides its pages, such as a vendor overlay's JSON. */
export interface HostFile {
  type: string;
  body: string;
}

/**
 * The host site, on localhost (the FAQ site is on 127.0.0.1: another origin). A page without its
 * own `csp` gets the strict policy, with `'self'` in connect-src when it loads an overlay.
 */
export type Host = Origin & { pages: Map<string, HostOptions>; files: Map<string, HostFile> };

export async function startHost(): Promise<Host> {
  const pages = new Map<string, HostOptions>();
  const files = new Map<string, HostFile>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    const file = files.get(path);
    if (file) {
      res.writeHead(200, { 'Content-Type': file.type });
      res.end(file.body);
    } else if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
    } else if (path === '/hostile.css') {
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' });
      res.end(HOSTILE_CSS);
    } else if (page) {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': page.csp ?? hostCsp(page.faq, page.overlay || page.more?.some((a) => a['overlay']) ? "'self'" : undefined),
      });
      res.end(hostPage(page));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  return listen(server, 'localhost', { pages, files });
}

export async function listen<T extends object>(server: Server, host: string, extra: T): Promise<Origin & T> {
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
    ...extra,
  };
}

/**
 * Serves a host page with these options at a fresh path (`/<name>-<engine>-<n>`) and opens it in a
 * phone-sized tab of `engine`, once the widget is defined.
 */
export async function openHostPage(engine: Engine, host: Host, faq: string, name: string, options: Omit<HostOptions, 'faq'>): Promise<Tab> {
  const path = `/${name}-${engine.name}-${host.pages.size}`;
  host.pages.set(path, { faq, ...options });
  const tab = await engine.newTab({ width: 360, height: 740 });
  await tab.goto(`${host.url}${path}`);
  await tab.waitFor(() => customElements.get('pos-faq-lookup') !== undefined, [], 'the widget to be defined');
  return tab;
}
