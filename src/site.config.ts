/**
 * Deployment settings. SITE_URL is the public address of the site: canonical URLs, the
 * sitemap, Open Graph and the offline bundle's "online address" all come from it.
 */
export const SITE_URL = (process.env['SITE_URL'] ?? 'https://pos-faq.example.org').replace(/\/$/, '');
