// Renders the app icons in public/app/ from public/favicon.svg (run once after changing the
// favicon: `node scripts/icons.ts`, then commit the PNGs). sharp renders the SVG with librsvg.
//   icon-192.png, icon-512.png   "any": the terminal drawing on a transparent square
//   icon-maskable-512.png        "maskable": the drawing inside the central 80 % safe zone, on a
//                                full-bleed background, so a round or squircle mask never cuts it
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const ROOT = join(import.meta.dirname, '..');
const favicon = readFileSync(join(ROOT, 'public/favicon.svg'), 'utf8');
const drawing = favicon.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
const OUT = join(ROOT, 'public/app');

const any = (size: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32">${drawing}</svg>`;
// The drawing spans x 6–26, y 2–30 (20 × 28, diagonal 34.4). Scaled so that diagonal fits the
// safe-zone circle (diameter 80 % of the icon), centred.
const maskable = (size: number) => {
  const scale = (0.8 * 32) / Math.hypot(20, 28);
  const dx = 16 - 16 * scale;
  const dy = 16 - 16 * scale;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 32 32"><rect width="32" height="32" fill="#e8f1fb"/><g transform="translate(${dx} ${dy}) scale(${scale})">${drawing}</g></svg>`;
};

for (const [file, svg] of [
  ['icon-192.png', any(192)],
  ['icon-512.png', any(512)],
  ['icon-maskable-512.png', maskable(512)],
] as const) {
  await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile(join(OUT, file));
  console.log(`public/app/${file}`);
}
