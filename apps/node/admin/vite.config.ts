import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/** Schema modules that are plain data and functions: safe and small in a browser. */
const BROWSER_SCHEMA_MODULES = ['word-count.ts', 'vocabularies.ts'];
const BROWSER_SCHEMA_ID = '\0promise-browser-schema';

/**
 * The workspace uses the schema's word count and vocabularies, so its rules are the node's rules.
 * The package's entry also carries zod schemas and `node:crypto` (HSDS ids), which a browser
 * neither needs nor can load: `@promise-global/schema` resolves to those plain modules only, and
 * an import of anything else fails the build.
 */
function browserSchema(): Plugin {
  const require = createRequire(import.meta.url);
  const src = join(dirname(require.resolve('@promise-global/schema/package.json')), 'src');
  return {
    name: 'promise-browser-schema',
    enforce: 'pre',
    resolveId: (id) => (id === '@promise-global/schema' ? BROWSER_SCHEMA_ID : undefined),
    load: (id) =>
      id === BROWSER_SCHEMA_ID
        ? BROWSER_SCHEMA_MODULES.map(
            (file) => `export * from ${JSON.stringify(join(src, file))};`,
          ).join('\n')
        : undefined,
  };
}

// The staff workspace: a single-page app the node serves at /admin (src/admin/workspace-routes.ts).
// Workspace packages resolve to their TypeScript sources (the `source` export condition).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  logLevel: 'warn',
  plugins: [browserSchema(), svelte({ configFile: false })],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: fileURLToPath(new URL('../dist/admin', import.meta.url)),
    emptyOutDir: true,
    // Everything is a file of its own: the CSP allows no inline script, style or data fonts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
