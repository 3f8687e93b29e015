import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { adminConfig, adminSettings } from '../admin/config.ts';
import { SITE_URL } from '../site.config.ts';
import { cmsAssets, VERSION_FILE } from './admin-assets.ts';

/** Where the CMS lives in the built site. */
export const ADMIN_DIR = 'admin';
/** Sveltia CMS's one-file build, served from the site itself: no CDN, so no third party runs in the editors' session. */
export const CMS_SCRIPT = 'sveltia-cms.js';

/**
 * The content security policy of `/admin/` alone (the rest of the site keeps SITE_CSP). Sveltia CMS
 * needs no 'unsafe-eval' and no inline script; it does inject its own styles, hence
 * style-src 'unsafe-inline' here only. It talks to GitHub's API (and its status page, to warn of an
 * outage) and shows avatars from GitHub; `blob:` and `data:` carry previews it makes in the page.
 * Its fonts and its update check are served by the site (admin-assets.ts).
 */
export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
  "font-src 'self' data:",
  "connect-src 'self' blob: data: https://api.github.com https://raw.githubusercontent.com https://www.githubstatus.com",
  "worker-src 'self' blob:",
  // The CMS describes itself as an installable app with a manifest it makes in the page.
  "manifest-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// In the site's HTML style (html-validate checks every page of dist/).
const page = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>Editor · POS FAQ</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  </head>
  <body>
    <script src="/${ADMIN_DIR}/${CMS_SCRIPT}"></script>
  </body>
</html>
`;

/**
 * Writes `/admin/`: the page, Sveltia CMS's script copied from node_modules, and `config.yml`
 * (src/admin/config.ts) with the repository from CMS_REPO, CMS_BRANCH and CMS_AUTH_URL. Written
 * after the pages so that the sitemap never lists it, after the web app so that its precache never
 * holds it, and before the headers, which give it its own policy. The offline bundle leaves it out.
 */
export default function adminIntegration(): AstroIntegration {
  return {
    name: 'pos-faq:admin',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), ADMIN_DIR);
        mkdirSync(out, { recursive: true });
        const assets = cmsAssets(`/${ADMIN_DIR}/`);
        writeFileSync(join(out, CMS_SCRIPT), assets.script);
        writeFileSync(join(out, VERSION_FILE), assets.version);
        mkdirSync(join(out, 'fonts'), { recursive: true });
        for (const [file, bytes] of assets.fonts) writeFileSync(join(out, 'fonts', file), bytes);
        const settings = adminSettings(process.env, SITE_URL);
        const header = '# Written by src/integrations/admin.ts from src/admin/config.ts at build time: edit those.\n';
        writeFileSync(join(out, 'config.yml'), header + stringify(adminConfig(settings), { lineWidth: 0 }));
        writeFileSync(join(out, 'index.html'), page);
        logger.info(`admin/: Sveltia CMS for ${settings.repo} (${settings.branch})${settings.authUrl ? '' : '; set CMS_AUTH_URL for GitHub sign-in'}`);
      },
    },
  };
}
