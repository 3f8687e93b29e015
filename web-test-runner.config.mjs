// @ts-check
// Browser tests for the lookup widget (tests/widget/), in Chromium, Firefox ESR and WebKitGTK (or
// the engines named in ENGINES, e.g. `ENGINES=webkit npx wtr`). Chromium and Firefox run through
// puppeteer-core: @web/test-runner-puppeteer is this same launcher with the full `puppeteer`
// package, which downloads a browser of its own at install; here the launcher is given Debian's
// Firefox instead, over WebDriver BiDi. WebKit runs through @web/test-runner-webdriver and
// WebKitWebDriver, with the WebKitGTK shell tests/helpers/webkit-shell.py, on an Xvfb display
// started here when $DISPLAY is unset (tests/helpers/engines.ts). Two groups run the
// same tests (in Chromium; elsewhere see the groups below): "source" on a readable esbuild build of widget/ made on request, "dist" on the
// bundle `npm run build` wrote to dist/widget/pos-faq.js. Both look things up in a real built
// site: the FAQ site is mounted at /site/ (dist/, or POS_FAQ_SITE) and the fixture site with
// hostile content at /fixture/ (tests/.out/fixture-dist/, which `npm test` builds first).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { buildWidget } from './src/integrations/widget.ts';
import { CHROME_FLAGS, chromiumBuild } from './tests/helpers/browser.ts';
import { ENGINES, WEBKIT_SHELL, startWebKitDriver } from './tests/helpers/engines.ts';
import { firefoxLaunchOptions, firefoxProfileCopy } from './tests/helpers/firefox-profile.ts';

const ROOT = import.meta.dirname;
const SITE = resolve(ROOT, process.env.POS_FAQ_SITE ?? 'dist');
const FIXTURE = resolve(ROOT, process.env.POS_FAQ_FIXTURE ?? 'tests/.out/fixture-dist');

for (const [dir, how] of /** @type {[string, string][]} */ ([
  [SITE, 'run `npm run build` (or point POS_FAQ_SITE at a built site)'],
  [
    FIXTURE,
    'run `npm test`, which builds it, or `POS_FAQ_CONTENT=tests/fixtures/faq-mini POS_FAQ_OUT=tests/.out/fixture-dist npx astro build`',
  ],
])) {
  if (!existsSync(join(dir, 'pagefind/zh/pagefind.js')) || !existsSync(join(dir, 'widget/pos-faq.js'))) {
    throw new Error(`The widget tests need a built site with its search index in ${dir}, and there is none: ${how}.`);
  }
}
// The "dist" group must test what widget/ builds now, not what an older build left behind.
if ((await readFile(join(SITE, 'widget/pos-faq.js'), 'utf8')) !== (await buildWidget()).code) {
  throw new Error(
    `${join(SITE, 'widget/pos-faq.js')} is older than the code in widget/: run \`npm run build\` before \`wtr\`, so that the tests run on the bundle that will ship.`,
  );
}

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Serves the files of `dir` under the URL prefix `prefix`.
 * @param {string} prefix
 * @param {string} dir
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
function mount(prefix, dir) {
  return {
    name: `pos-faq:mount ${prefix}`,
    async serve(context) {
      if (!context.path.startsWith(prefix)) return undefined;
      let file = join(dir, decodeURIComponent(context.path.slice(prefix.length)));
      if (!file.startsWith(dir + sep)) return undefined;
      if (context.path.endsWith('/')) file = join(file, 'index.html');
      try {
        // The index files are binary: a Buffer body goes out as it is (the types only say string).
        const body = /** @type {string} */ (/** @type {unknown} */ (await readFile(file)));
        return { body, type: TYPES[extname(file)] ?? 'application/octet-stream' };
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Test-only addresses: the source build of the widget, served next to the built one so that both
 * find the site from their own URL; and /slow/, which answers nothing for 10 s (longer than the
 * widget's 8 s load timeout), then 404.
 */
/** @type {import('@web/test-runner').TestRunnerPlugin} */
const testRoutes = {
  name: 'pos-faq:test-routes',
  async serve(context) {
    if (context.path === '/site/widget/pos-faq.source.js') {
      return { body: (await buildWidget({ minify: false })).code, type: 'js' };
    }
    if (context.path.startsWith('/slow/')) {
      await new Promise((r) => setTimeout(r, 10_000));
      context.status = 404;
      context.set('Cache-Control', 'no-store');
      return { body: '', type: 'text' };
    }
    return undefined;
  },
};

/**
 * The page every test file runs in: which widget build to test, and where the sites are.
 * @param {string} bundle
 * @returns {(testFramework: string) => string}
 */
const page = (bundle) => (testFramework) => `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="pos-faq-test" content='${JSON.stringify({ bundle, site: '/site/', fixture: '/fixture/' })}'>
    <script src="${bundle}"></script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;

/** @returns {Promise<import('@web/test-runner').BrowserLauncher[]>} */
async function browsers() {
  /** @type {import('@web/test-runner').BrowserLauncher[]} */
  const launchers = [];
  if (ENGINES.includes('chromium')) {
    launchers.push(
      chromeLauncher({ launchOptions: { ...chromiumBuild(), args: CHROME_FLAGS } }),
    );
  }
  if (ENGINES.includes('firefox')) {
    const profile = firefoxProfileCopy();
    if (profile) process.on('exit', profile.remove);
    const firefox = chromeLauncher({ launchOptions: firefoxLaunchOptions(profile?.dir) });
    // The launcher calls every browser it starts through puppeteer-core "Chrome".
    /** @type {{ name: string }} */ (/** @type {unknown} */ (firefox)).name = 'Firefox';
    launchers.push(firefox);
  }
  if (ENGINES.includes('webkit')) {
    const driver = await startWebKitDriver();
    process.once('exit', () => driver.stop());
    const webkit = webdriverLauncher({
      hostname: '127.0.0.1',
      port: driver.port,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'WebKitGTK',
        // WebKitWebDriver speaks classic WebDriver only; webdriverio would ask for BiDi.
        'wdio:enforceWebDriverClassic': true,
        // @ts-expect-error: a vendor capability that webdriverio's types do not know
        'webkitgtk:browserOptions': { binary: WEBKIT_SHELL, args: [] },
      },
    });
    // Its types predate exactOptionalPropertyTypes; it is a BrowserLauncher all the same.
    launchers.push(/** @type {import('@web/test-runner').BrowserLauncher} */ (/** @type {unknown} */ (webkit)));
  }
  return launchers;
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: ROOT,
  nodeResolve: true,
  // Two cores shared with other work: one test file at a time keeps timings honest.
  concurrency: 1,
  testsFinishTimeout: 180_000,
  // One engine after another: the timings stay honest and the machine is not swamped.
  concurrentBrowsers: 1,
  browsers: await browsers(),
  plugins: [
    testRoutes,
    mount('/site/', SITE),
    mount('/fixture/', FIXTURE),
    esbuildPlugin({ ts: true, tsx: true, tsconfig: join(ROOT, 'tsconfig.json'), target: 'es2022' }),
  ],
  testFramework: { config: { timeout: 20_000 } },
  groups: [
    {
      name: 'source',
      // Firefox and WebKit run the shipped bundle ("dist") and only the source build's own
      // component tests: the same widget twice would double their time for little.
      files: ENGINES.includes('chromium') ? 'tests/widget/**/*.test.ts' : 'tests/widget/**/*.source.test.ts',
      testRunnerHtml: page('/site/widget/pos-faq.source.js'),
    },
    {
      name: 'dist',
      files: ['tests/widget/**/*.test.ts', '!tests/widget/**/*.source.test.ts'],
      testRunnerHtml: page('/site/widget/pos-faq.js'),
    },
  ],
};
