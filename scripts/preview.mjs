// `npm run preview`: serves dist/ with the headers of dist/_headers, gzipping text, as the CDN would.
// PORT=0 picks a free port; the address is printed on the first line.
import { existsSync } from 'node:fs';
import { startServer } from './static-server.mjs';

if (!existsSync('dist/index.html')) {
  console.error('dist/ is empty: run `npm run build` first.');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
const { url } = await startServer({ root: 'dist', port, host: process.env.HOST ?? '127.0.0.1', compress: true });
console.log(`Serving dist/ with its _headers at ${url}`);
