import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '../../schemas/faq.ts';
import { buildServiceWorker, SW_FILE } from './build.ts';
import { manifestFile, webManifest } from './manifest.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/**
 * The installable web app: a manifest per language and the service worker (build.ts). Comes
 * after the widget and Pagefind in astro.config.mjs, whose files the worker precaches, and before
 * the headers, which give sw.js and the manifests their rules.
 */
export default function pwaIntegration(): AstroIntegration {
  return {
    name: 'pos-faq:pwa',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        for (const locale of LOCALES) {
          const file = join(root, manifestFile(locale));
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, `${JSON.stringify(webManifest(locale), null, 2)}\n`);
        }
        const sw = await buildServiceWorker(root);
        for (const warning of sw.warnings) logger.warn(warning);
        const saved = Object.entries(sw.saved).map(([l, s]) => `${l} ${s.pages} pages ${kb(s.bytes)}`);
        const shell = Object.entries(sw.shell).map(([g, s]) => `${g} ${s.count} files ${kb(s.size)}`);
        logger.info(
          `${SW_FILE}: ${kb(sw.bytes)}, build ${sw.build}; precaches, per language visited, common and that language: ${shell.join(', ')}; "save for offline use" adds ${saved.join(', ')}`,
        );
      },
    },
  };
}
