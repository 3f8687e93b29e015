import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildCached } from '../lib/build-cache.ts';

/**
 * The widget's entry point. Found by walking up from this module rather than by a fixed relative
 * path: the embed guide imports this module too, and Astro bundles it for prerendering into
 * .astro/.prerender/chunks/, from where `../../widget/` would point into .astro/.
 */
export const WIDGET_ENTRY = (() => {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const entry = join(dir, 'widget', 'pos-faq-lookup.tsx');
    if (existsSync(entry)) return entry;
    if (dirname(dir) === dir) {
      throw new Error(`Cannot find widget/pos-faq-lookup.tsx in ${start} or any folder above it.`);
    }
  }
})();
const TARGET = ['chrome92', 'firefox90', 'safari15'];

/**
 * The widget's stylesheet as the bundle embeds it: minified, so comments and indentation do not
 * count against the size budget. The site's CSP allows exactly this text by its hash (see
 * headers.ts), for browsers that must fall back to a <style> element.
 */
export function widgetCss(file: 'styles.css' | 'views.css' = 'styles.css'): string {
  const source = readFileSync(join(dirname(WIDGET_ENTRY), file), 'utf8');
  return esbuild.transformSync(source, { loader: 'css', minify: true, target: TARGET }).code.trim();
}

/** The widget and its views chunk import their stylesheets as strings for constructed stylesheets. */
const cssAsMinifiedText: esbuild.Plugin = {
  name: 'pos-faq:css-text',
  setup(build) {
    build.onLoad({ filter: /(styles|views)\.css$/ }, ({ path }) => ({
      contents: widgetCss(path.endsWith('views.css') ? 'views.css' : 'styles.css'),
      loader: 'text',
    }));
  },
};

/**
 * Chromium's compile hint (Chrome 136 and later): the functions of a script that starts with it
 * are compiled on the thread that downloads it, not one by one on the main thread when first
 * called. The lookup calls nearly all of its code in the first search, where lazy compiling cost
 * about 10 ms (docs/benchmarks.md). Other engines read it as a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * esbuild settings for the embeddable bundle: one classic script, Preact inside, no globals.
 * `minify: false` gives the readable build the browser tests run as "source".
 */
export function widgetBuildOptions({
  minify = true,
  views = 'pos-faq-views.js',
  overlay = 'pos-faq-overlay.js',
}: { minify?: boolean; views?: string; overlay?: string } = {}): esbuild.BuildOptions {
  return {
    entryPoints: [WIDGET_ENTRY],
    // The views chunk's and the overlay code's file names, which carry their content hash
    // (widget/views-loader.ts, widget/overlay-load.ts).
    define: { POS_FAQ_VIEWS: JSON.stringify(views), POS_FAQ_OVERLAY: JSON.stringify(overlay) },
    bundle: true,
    format: 'iife',
    target: TARGET,
    minify,
    sourcemap: minify ? false : 'inline',
    legalComments: 'none',
    banner: { js: COMPILE_HINT },
    // widget/*.tsx say `@jsxRuntime classic @jsx h`: JSX becomes Preact's h (createElement), which
    // the bundle carries anyway; the automatic runtime would add preact/jsx-runtime (~170 B gzip).
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [cssAsMinifiedText],
    write: false,
    logLevel: 'silent',
  };
}

/**
 * In the views chunk, `preact` is the first script's (widget/shared.ts): one Preact renders both.
 * Type-only imports of it are erased before resolution, so they keep Preact's own types.
 */
const sharedPreact: esbuild.Plugin = {
  name: 'pos-faq:shared-preact',
  setup(build) {
    build.onResolve({ filter: /^preact$/ }, () => ({ path: join(dirname(WIDGET_ENTRY), 'shared.ts') }));
  },
};

/**
 * esbuild settings for the views chunk (widget/views.ts): the entry view, the diagnosis, the
 * feedback and the suggestions, loaded by the first script when first needed. Always minified:
 * the readable build of the first script loads the same chunk as the shipped one.
 */
export function viewsBuildOptions(): esbuild.BuildOptions {
  return chunkOptions('views.ts', { jsx: 'automatic', jsxImportSource: 'preact', plugins: [sharedPreact, cssAsMinifiedText] });
}

/** What the chunks loaded after the first script share: one minified classic script each. */
function chunkOptions(entry: string, extra: esbuild.BuildOptions = {}): esbuild.BuildOptions {
  return {
    entryPoints: [join(dirname(WIDGET_ENTRY), entry)],
    bundle: true,
    format: 'iife',
    target: TARGET,
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
    ...extra,
  };
}

/**
 * esbuild settings for the overlay code (widget/overlay.ts): a vendor overlay's checking, ranking
 * and entry-view side, loaded only by a widget with an `overlay` attribute. No Preact: it renders
 * nothing itself. Always minified, like the views chunk.
 */
export function overlayBuildOptions(): esbuild.BuildOptions {
  return chunkOptions('overlay.ts');
}

/** A chunk the first script loads by name: its file name under widget/ (content-hashed) and its code. */
export interface Chunk {
  file: string;
  code: string;
}

/** Builds a chunk and names it `<name>.<first 10 hex digits of its SHA-256>.js`. */
async function buildChunk(name: string, options: esbuild.BuildOptions): Promise<Chunk> {
  const result = (await esbuild.build(options)) as esbuild.BuildResult<{ write: false }>;
  const code = asciiOnly(result.outputFiles[0]!.text);
  return { file: `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`, code };
}

/**
 * Escapes every non-ASCII character as a \uXXXX sequence. esbuild does that in strings, but
 * leaves the Chinese in regular expression literals (src/lib/codes.ts) as it is; a host page in
 * GBK that loads the widget from a server which sends no charset would then decode it wrongly.
 * UTF-16 escapes mean the same in strings, template literals and regular expressions, with or
 * without the u flag.
 */
export function asciiOnly(code: string): string {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface WidgetBundle {
  code: string;
  /** The views chunk: its file name under widget/ (content-hashed) and its code. */
  views: Chunk;
  /** The vendor overlay's code (widget/overlay.ts), loaded only by a widget with `overlay`. */
  overlay: Chunk;
  /** The first 10 hex digits of its SHA-256: the name of the pinned copy, `pos-faq.<hash>.js`. */
  hash: string;
  /** The Subresource Integrity value of the pinned copy. */
  integrity: string;
}

/** Builds the widget bundle in memory. */
export async function buildWidget({ minify = true }: { minify?: boolean } = {}): Promise<WidgetBundle> {
  let result: esbuild.BuildResult<{ write: false }>;
  let views: Chunk;
  let overlay: Chunk;
  try {
    [views, overlay] = await Promise.all([
      buildChunk('pos-faq-views', viewsBuildOptions()),
      buildChunk('pos-faq-overlay', overlayBuildOptions()),
    ]);
    result = (await esbuild.build(
      widgetBuildOptions({ minify, views: views.file, overlay: overlay.file }),
    )) as esbuild.BuildResult<{ write: false }>;
  } catch (error) {
    throw new Error(`The lookup widget does not build: fix the error in widget/ that esbuild reports below.`, {
      cause: error,
    });
  }
  const text = result.outputFiles?.[0]?.text;
  if (!text) throw new Error('esbuild produced no widget bundle');
  const code = asciiOnly(text);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  return { code, hash, integrity, views, overlay };
}

let built: Promise<WidgetBundle> | undefined;
/**
 * The minified bundle, built once per process. Pages render before `astro:build:done` writes the
 * files, so the embed guide asks here for the pinned file name and integrity; esbuild's output is
 * deterministic, so the page and the integration agree on the hash.
 */
export function widgetBundle(): Promise<WidgetBundle> {
  built ??= buildCached('widget', buildWidget);
  return built;
}

/**
 * Emits the lookup widget: `widget/pos-faq.js` at a stable address for one-line embeds, a
 * content-hashed copy for embeds pinned with Subresource Integrity, and `widget/manifest.json`
 * naming the hashed file and its integrity value. In dev the bundle is built on each request.
 */
export default function widgetIntegration(): AstroIntegration {
  return {
    name: 'pos-faq:widget',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0] ?? '';
          if (!/^\/widget\/pos-faq(-(views|overlay)\.[0-9a-f]+)?\.js$/.test(path)) return next();
          buildWidget().then(
            ({ code, views, overlay }) => {
              res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              res.end(path.includes('-views.') ? views.code : path.includes('-overlay.') ? overlay.code : code);
            },
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'widget');
        const { code, hash, integrity, views, overlay } = await widgetBundle();
        mkdirSync(out, { recursive: true });
        const pinned = `pos-faq.${hash}.js`;
        writeFileSync(join(out, 'pos-faq.js'), code);
        // Named by its content and never overwritten: pinned widgets of earlier builds name theirs.
        writeFileSync(join(out, views.file), views.code);
        writeFileSync(join(out, overlay.file), overlay.code);
        writeFileSync(join(out, pinned), code);
        writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ file: pinned, integrity }, null, 2)}\n`);
        logger.info(
          `widget: ${(code.length / 1024).toFixed(1)} KiB minified, pinned as ${pinned}; views chunk ${views.file} ${(views.code.length / 1024).toFixed(1)} KiB; overlay code ${overlay.file} ${(overlay.code.length / 1024).toFixed(1)} KiB`,
        );
      },
    },
  };
}
