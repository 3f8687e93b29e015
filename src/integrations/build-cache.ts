import type { AstroIntegration } from 'astro';
import { startBuildCache } from '../lib/build-cache.ts';

/** Gives each `astro build` a fresh store of shared values (src/lib/build-cache.ts). */
export default function buildCacheIntegration(): AstroIntegration {
  return {
    name: 'pos-faq:build-cache',
    hooks: {
      'astro:build:start': () => startBuildCache(),
    },
  };
}
