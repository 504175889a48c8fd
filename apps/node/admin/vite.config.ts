import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defineConfig } from 'vite';

// The staff workspace: a single-page app the node serves at /admin (src/admin/workspace-routes.ts).
// Workspace packages resolve to their TypeScript sources (the `source` export condition); the
// schema is imported through its zod-free `rules` entry and as types only.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  logLevel: 'warn',
  plugins: [svelte({ configFile: false })],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: fileURLToPath(new URL('../dist/workspace', import.meta.url)),
    emptyOutDir: true,
    // Everything is a file of its own: the CSP allows no inline script, style or data fonts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
