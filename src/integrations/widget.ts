import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ENTRY = fileURLToPath(new URL('../../widget/pos-faq-lookup.tsx', import.meta.url));

/** esbuild settings for the embeddable bundle: one classic script, Preact inside, no globals. */
export function widgetBuildOptions(): esbuild.BuildOptions {
  return {
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    write: false,
    logLevel: 'silent',
  };
}

export async function buildWidget(): Promise<{ code: string; hash: string; integrity: string }> {
  const result = await esbuild.build(widgetBuildOptions());
  const code = result.outputFiles?.[0]?.text;
  if (!code) throw new Error('esbuild produced no widget bundle');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
  const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  return { code, hash, integrity };
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
        server.middlewares.use('/widget/pos-faq.js', (_req, res, next) => {
          buildWidget().then(
            ({ code }) => {
              res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              res.end(code);
            },
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'widget');
        const { code, hash, integrity } = await buildWidget();
        mkdirSync(out, { recursive: true });
        const pinned = `pos-faq.${hash}.js`;
        writeFileSync(join(out, 'pos-faq.js'), code);
        writeFileSync(join(out, pinned), code);
        writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ file: pinned, integrity }, null, 2)}\n`);
        logger.info(`widget: ${(code.length / 1024).toFixed(1)} KiB minified, pinned as ${pinned}`);
      },
    },
  };
}
