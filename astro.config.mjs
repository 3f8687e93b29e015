// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import widget from './src/integrations/widget.ts';
import headers from './src/integrations/headers.ts';
import pwa from './src/offline/pwa/integration.ts';
import admin from './src/integrations/admin.ts';
import buildCache from './src/integrations/build-cache.ts';
import { SITE_URL } from './src/site.config.ts';

export default defineConfig({
  site: SITE_URL,
  // Tests build fixture content into a folder of their own.
  outDir: process.env.POS_FAQ_OUT ?? './dist',
  trailingSlash: 'always',
  // Stylesheets stay files, so the pages' CSP needs no 'unsafe-inline'. Four pages render at a
  // time: one at a time (the default), the build waited on each page's file write for about a
  // third of its page rendering; the pages come out byte for byte the same.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Scripts too: Astro inlines a processed <script> smaller than this limit (4 KiB by default),
  // and the CSP (script-src 'self') would block it. The diagnosis' enhancement is that small.
  vite: { build: { assetsInlineLimit: 0 } },
  // The lookup is a custom element built by our own widget integration, not an Astro island,
  // so that the site and the vendors' embeds run the very same bundle.
  integrations: [
    buildCache(),
    sitemap({
      i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } },
      // The offline page is what the service worker answers with, never opened by its address;
      // the results page has nothing to index of its own (and says noindex).
      filter: (page) => !page.endsWith('/404/') && !page.endsWith('/offline/') && !page.endsWith('/search/'),
      // "/" is the language chooser, but with zh as the default locale the integration files it
      // as the Chinese home, which gives /zh/ two zh-CN alternates. The chooser stands alone;
      // the two homes point at each other.
      serialize(item) {
        const { links, ...rest } = item;
        if (item.url === `${SITE_URL}/`) return rest;
        return links ? { ...rest, links: links.filter((link) => link.url !== `${SITE_URL}/`) } : rest;
      },
    }),
    widget(),
    pagefind(),
    pwa(),
    admin(),
    headers(),
  ],
});
