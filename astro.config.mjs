// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefind from './src/integrations/pagefind.ts';
import widget from './src/integrations/widget.ts';
import { SITE_URL } from './src/site.config.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The lookup is a custom element built by our own widget integration, not an Astro island,
  // so that the site and the vendors' embeds run the very same bundle.
  integrations: [
    sitemap({
      i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } },
      filter: (page) => !page.endsWith('/404/'),
    }),
    widget(),
    pagefind(),
  ],
});
