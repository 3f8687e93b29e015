import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The site's own pages use only same-origin scripts, styles and fetches, plus Pagefind's WASM. */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const CORS = ['Access-Control-Allow-Origin: *', 'Cross-Origin-Resource-Policy: cross-origin'];
const IMMUTABLE = 'Cache-Control: public, max-age=31536000, immutable';
// Files whose name stays the same across deploys: a long cache would pin an old index.
const SHORT = 'Cache-Control: public, max-age=300, must-revalidate';

/**
 * The `_headers` rules (Netlify and Cloudflare Pages format). `npm run preview` applies the same
 * file, and the README repeats the rules for nginx and S3/CloudFront.
 */
export function headersFile(): string {
  const rules: [string, string[]][] = [
    [
      '/*',
      [
        `Content-Security-Policy: ${SITE_CSP}`,
        'X-Content-Type-Options: nosniff',
        'Referrer-Policy: strict-origin-when-cross-origin',
        SHORT,
      ],
    ],
    ['/_astro/*', [IMMUTABLE]],
    ['/widget/*', [...CORS, SHORT]],
    ['/widget/pos-faq.*.js', [...CORS, IMMUTABLE]],
    ['/pagefind/*', [...CORS, IMMUTABLE]],
    ['/pagefind/*/pagefind.js', [...CORS, SHORT]],
    ['/pagefind/*/pagefind-entry.json', [...CORS, SHORT]],
  ];
  return rules.map(([path, lines]) => `${path}\n${lines.map((l) => `  ${l}`).join('\n')}\n`).join('\n');
}

export default function headersIntegration(): AstroIntegration {
  return {
    name: 'pos-faq:headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(join(fileURLToPath(dir), '_headers'), headersFile());
      },
    },
  };
}
