import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageDir = (name: string, entry: string) => dirname(require.resolve(entry ? `${name}/${entry}` : name));

/**
 * The fonts Sveltia CMS's script loads from a CDN (its interface type, its code type and its
 * icons), each served instead from `/admin/fonts/`, copied from the same Fontsource release on npm.
 * The site loads nothing from a third party, and the form works where only the site is reachable.
 */
const FONTS = [
  { cdn: 'source-sans-3:vf@5.3.0/latin-wght-normal.woff2', pkg: '@fontsource-variable/source-sans-3', file: 'source-sans-3-latin-wght-normal.woff2' },
  { cdn: 'noto-mono@5.3.0/latin-400-normal.woff2', pkg: '@fontsource/noto-mono', file: 'noto-mono-latin-400-normal.woff2' },
  {
    cdn: 'material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2',
    pkg: '@fontsource-variable/material-symbols-outlined',
    file: 'material-symbols-outlined-latin-wght-normal.woff2',
  },
];
const CDN_FONTS = 'https://cdn.jsdelivr.net/fontsource/fonts/';

/** Where the CMS asks for its own latest version (an update notice); answered by the site instead. */
const VERSION_CHECK = /([\w$]+)=`\$\{([\w$]+)\}\/package\.json`/g;
export const VERSION_FILE = 'cms-version.json';

export interface CmsAssets {
  /** The script, its font and version addresses pointed at the site. */
  script: string;
  /** `{ "version": … }` of the copy served, so the CMS never offers an update the site has not made. */
  version: string;
  /** File name under admin/fonts/ → bytes. */
  fonts: Map<string, Buffer>;
}

/**
 * Sveltia CMS's browser build from node_modules, made to load nothing from another site. Each
 * rewrite must match: after an upgrade that changes one, the build stops and says which.
 */
export function cmsAssets(adminPath: string): CmsAssets {
  // The package exports only its npm entry (npm/index.js); the browser build sits beside it.
  const cmsDir = join(packageDir('@sveltia/cms', ''), '..');
  let script = readFileSync(join(cmsDir, 'dist', 'sveltia-cms.js'), 'utf8');
  const { version } = JSON.parse(readFileSync(join(cmsDir, 'package.json'), 'utf8')) as { version: string };
  const fonts = new Map<string, Buffer>();
  const fail = (what: string) => {
    throw new Error(
      `Sveltia CMS ${version}: ${what} is not in dist/sveltia-cms.js. The CMS changed what it loads from a CDN; ` +
        'update src/integrations/admin-assets.ts (and the @fontsource packages) to match.',
    );
  };
  for (const font of FONTS) {
    const url = `${CDN_FONTS}${font.cdn}`;
    if (!script.includes(url)) fail(url);
    script = script.replaceAll(url, `${adminPath}fonts/${font.file}`);
    fonts.set(font.file, readFileSync(join(packageDir(font.pkg, 'index.css'), 'files', font.file)));
  }
  if (script.includes(CDN_FONTS)) fail(`only the fonts listed (another ${CDN_FONTS} address appeared)`);
  const checks = [...script.matchAll(VERSION_CHECK)];
  if (checks.length !== 1) fail('the update check (`…/package.json`)');
  script = script.replace(VERSION_CHECK, (_, name: string) => `${name}=\`${adminPath}${VERSION_FILE}\``);
  return { script, version: `${JSON.stringify({ version })}\n`, fonts };
}
