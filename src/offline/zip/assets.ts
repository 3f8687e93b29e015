import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { fileForPath } from './paths.ts';
import { widgetBuildOptions } from '../../integrations/widget.ts';

/**
 * An ES module of the built site (Astro's processed `<script>`s) as one classic script: the same
 * code, bundled by esbuild into an IIFE with what it imports, since modules do not load from
 * file://. Absolute imports (`/_astro/chunk.js`) are read from the built site.
 */
export async function classicScript(dist: string, file: string): Promise<string> {
  const fromSite: esbuild.Plugin = {
    name: 'pos-faq:offline-site-paths',
    setup(build) {
      build.onResolve({ filter: /^\// }, (args) =>
        args.kind === 'entry-point' ? undefined : { path: join(dist, fileForPath(args.path)) },
      );
    },
  };
  const { target } = widgetBuildOptions();
  try {
    const result = await esbuild.build({
      entryPoints: [join(dist, file)],
      bundle: true,
      format: 'iife',
      ...(target ? { target } : {}),
      minify: true,
      legalComments: 'none',
      plugins: [fromSite],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    if (code.includes('import.meta') || code.includes('import(')) {
      throw new Error('it still loads modules at run time (import() or import.meta)');
    }
    return code;
  } catch (cause) {
    throw new Error(
      `Could not turn the module script ${file} into a classic script for the offline bundle; ` +
        'keep client scripts free of import.meta and of imports from other sites.',
      { cause },
    );
  }
}

/** A stylesheet that loads anything by an absolute address would break or go online. */
export function checkStylesheet(file: string, css: string): void {
  // CSS is not HTML: this scan is a guard, not a rewriter; the site's CSS uses no url() today.
  const withoutInline = css.replace(/url\(\s*['"]?data:/gi, 'url(');
  const found = /@import|url\(\s*['"]?(\/|[a-z][a-z0-9+.-]*:)/i.exec(withoutInline);
  if (found) {
    throw new Error(
      `${file} loads \`${found[0]}…\` by an absolute address, which the offline bundle cannot relocate. ` +
        'Use a relative url() or let Vite inline the asset (it does for small files).',
    );
  }
}
