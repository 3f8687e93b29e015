import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeaders } from '../../scripts/static-server.mjs';
import { HASHED_NAME, headerRules, IMMUTABLE, NO_CACHE, SHORT, SITE_CSP } from '../../src/integrations/headers.ts';
import { ADMIN_CSP } from '../../src/integrations/admin.ts';
import { DIST, ROOT } from '../helpers/build.ts';
import { filesUnder } from '../helpers/site-pages.ts';

const rules = parseHeaders(readFileSync(join(DIST, '_headers'), 'utf8'));
const files = filesUnder(DIST, (p) => p !== '_headers');
const served = (file: string) => headersFor(rules, `/${file}`.replace(/(^|\/)index\.html$/, '$1'));

/** Files whose name stays the same from one deploy to the next, though their content changes. */
const STABLE = [
  /\.html$/,
  /^widget\/pos-faq\.js$/,
  /^widget\/manifest\.json$/,
  /^pagefind\/[^/]+\/pagefind\.js$/,
  /^pagefind\/[^/]+\/pagefind-entry\.json$/,
  /^pagefind\/[^/]+\/wasm\.[^/]+\.pagefind$/,
  /^app\//,
];

describe('_headers', () => {
  it('gives every file exactly one caching rule: a year for hashed names, none for sw.js, five minutes for the rest', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const cache = served(file)['Cache-Control'];
      // A comma-joined value means two rules set the header: Cloudflare Pages would send both.
      const hashed = file.startsWith('_astro/') || /^pagefind\/[^/]+\/[^/]+\//.test(file) || HASHED_NAME.test(file);
      // The service worker is revalidated on every update check, or a deploy would wait for it.
      const want = file === 'sw.js' ? NO_CACHE : hashed ? IMMUTABLE : SHORT;
      if (cache !== want) wrong.push(`${file}: ${cache ?? '(none)'}, want ${want}`);
    }
    expect(wrong).toEqual([]);
    expect(files).toContain('sw.js');
    expect(files.filter((f) => f.startsWith('app/')).length).toBeGreaterThanOrEqual(5);
    for (const file of files.filter((f) => STABLE.some((re) => re.test(f)))) {
      expect(served(file)['Cache-Control'], file).toBe(SHORT);
    }
  });

  it('caches for a year only files whose names change with their content', () => {
    // Pagefind names its chunks after their content; Astro does the same under _astro/.
    const chunks = files.filter((f) => /^pagefind\/[^/]+\/[^/]+\//.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.filter((f) => !/_[0-9a-f]{7,}\.pf_[a-z]+$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('_astro/') && !/\.[\w-]{8}\.(css|js)$/.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(DIST, 'widget/manifest.json'), 'utf8')) as { file: string };
    expect(readFileSync(join(DIST, 'widget', manifest.file))).toEqual(readFileSync(join(DIST, 'widget/pos-faq.js')));
    expect(served(`widget/${manifest.file}`)['Cache-Control']).toBe(IMMUTABLE);
  });

  it('opens the widget and the index to other origins, and nothing else', () => {
    for (const file of files) {
      const headers = served(file);
      const shared = /^(widget|pagefind)\//.test(file);
      expect(headers['Access-Control-Allow-Origin'], file).toBe(shared ? '*' : undefined);
      expect(headers['Cross-Origin-Resource-Policy'], file).toBe(shared ? 'cross-origin' : undefined);
    }
  });

  it('sends nosniff and the referrer policy with every response, and the CSP with every page', () => {
    for (const file of files) {
      const headers = served(file);
      expect(headers['X-Content-Type-Options'], file).toBe('nosniff');
      expect(headers['Referrer-Policy'], file).toBe('strict-origin-when-cross-origin');
      // Files that live among the pages (the feeds, llms.txt and the search descriptions under
      // /zh/ and /en/; the CMS's script and fonts under /admin/) share their folder's rule: hosts
      // join overlapping rules, so one file cannot be taken out, and a policy on a response that
      // is not HTML does nothing.
      const policy = file.startsWith('admin/') ? ADMIN_CSP : SITE_CSP;
      const amongPages = /^(zh|en|admin)\//.test(file);
      expect(headers['Content-Security-Policy'], file).toBe(file.endsWith('.html') || amongPages ? policy : undefined);
    }
  });

  it('uses only CSP directives that Chromium, Firefox and WebKit all know, and opens nothing by default but the manifest', () => {
    // WebKit logs an unknown directive (manifest-src, say) as a console error on every page, and
    // its own console notes are not visible to the browser tests (tests/helpers/every-page.ts).
    const known = ['default-src', 'script-src', 'style-src', 'img-src', 'connect-src', 'worker-src', 'font-src', 'media-src', 'object-src', 'frame-src', 'child-src', 'base-uri', 'form-action', 'frame-ancestors'];
    const directives = new Map(SITE_CSP.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));
    expect([...directives.keys()].filter((d) => !known.includes(d))).toEqual([]);
    // 'self' as the default is for the manifest alone: every other fetch directive that falls
    // back to it is set, to what the pages use or to 'none'.
    expect(directives.get('default-src')).toBe("'self'");
    for (const unused of ['font-src', 'media-src', 'object-src', 'frame-src', 'child-src']) expect(directives.get(unused), unused).toBe("'none'");
    for (const used of ['script-src', 'style-src', 'img-src', 'connect-src', 'worker-src']) expect(directives.get(used), used).toMatch(/^'self'/);
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
  });

  it('keeps within what the hosts accept: 100 rules, 2,000 characters a line', () => {
    expect(rules.length).toBeLessThanOrEqual(100);
    for (const line of readFileSync(join(DIST, '_headers'), 'utf8').split('\n')) expect(line.length).toBeLessThan(2000);
  });

  it('classifies files by name, folder by folder', () => {
    const paths = (list: string[]) => headerRules(list).map((r) => `${r.path} ${r.headers['Cache-Control'] ?? ''}`.trim());
    expect(
      paths([
        'index.html',
        'favicon.svg',
        '_headers',
        '_astro/site.AbCd1234.css',
        'zh/index.html',
        'widget/pos-faq.js',
        'widget/pos-faq.0123456789.js',
        'pagefind/zh/pagefind.js',
        'pagefind/zh/pagefind.zh-cn_0123456789abc.pf_meta',
        'pagefind/zh/index/zh-cn_0123456.pf_index',
        'docs/guide.pdf',
        'sw.js',
        'app/zh.webmanifest',
      ]),
    ).toEqual([
      '/*',
      `/ ${SHORT}`,
      `/favicon.svg ${SHORT}`,
      `/sw.js ${NO_CACHE}`,
      `/_astro/* ${IMMUTABLE}`,
      `/app/* ${SHORT}`,
      `/docs/* ${SHORT}`,
      `/pagefind/zh/pagefind.js ${SHORT}`,
      `/pagefind/zh/pagefind.zh-cn_0123456789abc.pf_meta ${IMMUTABLE}`,
      `/pagefind/zh/index/* ${IMMUTABLE}`,
      `/widget/pos-faq.js ${SHORT}`,
      `/widget/pos-faq.0123456789.js ${IMMUTABLE}`,
      `/zh/* ${SHORT}`,
    ]);
  });

  it('is repeated in the README for nginx and S3/CloudFront', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const deploying = readme.slice(readme.indexOf('## Deploying'));
    // The README names the header search loader's and the widget's two stylesheets' hashes by
    // placeholders, since they change with the code.
    const csp = SITE_CSP.replace(/'sha256-[^']+'/, "'sha256-SEARCH-LOADER-HASH'").replace(
      /(style-src 'self' )'sha256-[^']+' 'sha256-[^']+'/,
      "$1'sha256-WIDGET-CSS-HASH' 'sha256-WIDGET-VIEWS-CSS-HASH'",
    );
    for (const value of [csp, ADMIN_CSP, '/admin/*', IMMUTABLE, SHORT, NO_CACHE, 'sw.js', 'nosniff', 'strict-origin-when-cross-origin', 'cross-origin']) {
      expect(deploying, value).toContain(value);
    }
    expect(deploying).toMatch(/nginx/);
    expect(deploying).toMatch(/CloudFront/);
  });
});

describe('npm run preview', () => {
  let preview: ChildProcess;
  let base: string;
  beforeAll(async () => {
    preview = spawn(process.execPath, ['scripts/preview.mjs'], { cwd: ROOT, env: { ...process.env, PORT: '0' } });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: preview.stdout! }).once('line', resolve);
      preview.once('exit', (code) => reject(new Error(`preview exited with ${code}`)));
    });
    base = /(http:\/\/\S+)/.exec(line)![1]!;
  });
  afterAll(() => {
    preview?.kill();
  });

  const pinned = (): string => (JSON.parse(readFileSync(join(DIST, 'widget/manifest.json'), 'utf8')) as { file: string }).file;
  const anyFile = (re: RegExp): string => `/${files.find((f) => re.test(f))!}`;

  const cases: [string, () => string, string, boolean][] = [
    ['a page', () => '/zh/codes/', SHORT, false],
    ['the language chooser', () => '/', SHORT, false],
    ['an Astro stylesheet', () => anyFile(/^_astro\/.*\.css$/), IMMUTABLE, false],
    ['the widget at its stable address', () => '/widget/pos-faq.js', SHORT, true],
    ['the pinned widget', () => `/widget/${pinned()}`, IMMUTABLE, true],
    ['the Pagefind runtime', () => '/pagefind/zh/pagefind.js', SHORT, true],
    ['the Pagefind entry', () => '/pagefind/en/pagefind-entry.json', SHORT, true],
    ['the Pagefind WebAssembly', () => anyFile(/^pagefind\/zh\/wasm\./), SHORT, true],
    ['a Pagefind meta file', () => anyFile(/^pagefind\/zh\/pagefind\..*\.pf_meta$/), IMMUTABLE, true],
    ['a Pagefind index chunk', () => anyFile(/^pagefind\/en\/index\//), IMMUTABLE, true],
    ['the service worker', () => '/sw.js', NO_CACHE, false],
    ['a web app manifest', () => '/app/zh.webmanifest', SHORT, false],
  ];
  it.each(cases)('serves %s with its headers', async (_, path, cache, cors) => {
    const response = await fetch(new URL(path(), base));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(cache);
    expect(response.headers.get('access-control-allow-origin')).toBe(cors ? '*' : null);
    const html = response.headers.get('content-type')!.startsWith('text/html');
    expect(response.headers.get('content-security-policy')).toBe(html ? SITE_CSP : null);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('gzips text as a CDN would, and answers unknown addresses with the 404 page and its headers', async () => {
    const page = await fetch(new URL('/en/', base));
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const missing = await fetch(new URL('/zh/no-such-page/', base));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(SITE_CSP);
    expect(await missing.text()).toContain('<html');
  });
});
