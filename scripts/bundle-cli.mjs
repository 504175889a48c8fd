// Bundles an app's CLI (`src/cli/main.ts`, already type-checked and emitted by tsc) into one
// `dist/cli/main.js`. Node 24 re-reads a package's package.json for every module it loads from
// it (nodejs/node#58126); drizzle-orm alone has hundreds of modules and a 175 KB manifest, which
// cost a started node ~1.5 s of CPU and ~150 MiB of memory. One bundled file loads none of that.
import { build } from 'esbuild';

// Native code (libSQL) and pino's worker-thread files must stay real packages on disk.
const EXTERNAL = ['@libsql/client', 'pino'];

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  external: EXTERNAL,
  allowOverwrite: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // CommonJS dependencies (commander, csv-parse) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
