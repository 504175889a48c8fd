// Bundles an app's CLI (`src/cli/main.ts`, already type-checked and emitted by tsc) into one
// `dist/cli/main.js`. Node 24 re-reads a package's package.json for every module it loads from
// it (nodejs/node#58126); drizzle-orm alone has hundreds of modules and a 175 KB manifest, which
// cost a started node ~1.5 s of CPU and ~150 MiB of memory. One bundled file loads none of that,
// and the published package then needs only the dependencies left outside the bundle.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

// Native code (libSQL) and pino's worker-thread files must stay real packages on disk.
const EXTERNAL = ['@libsql/client', 'pino'];
const OUT = 'dist/cli/main.js';

const { metafile } = await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  external: EXTERNAL,
  allowOverwrite: true,
  // Whitespace and syntax only: names stay readable in stack traces. Dropping the comments also
  // keeps the file ASCII, so V8 holds its source in one byte per character (~2 MiB less memory).
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies (commander, csv-parse) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

/** The directory of the package an input file belongs to (pnpm's store paths included). */
function packageDirOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at === -1) return undefined;
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return join(input.slice(0, at), 'node_modules', name);
}

// The bundle carries other people's code: ship their licence texts beside it, as MIT asks.
const packages = new Set(Object.keys(metafile.inputs).map(packageDirOf).filter(Boolean));
const notices = [];
for (const dir of [...packages].sort()) {
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  const licenceFile = (await readdir(dir)).find((file) => /^(licen[cs]e|copying)/i.test(file));
  const text = licenceFile ? await readFile(join(dir, licenceFile), 'utf8') : '';
  notices.push(`${manifest.name}@${manifest.version} (${manifest.license})\n\n${text.trim()}`);
}
const header = `Third-party code bundled into ${OUT}:\n\n`;
await writeFile(
  join(dirname(OUT), 'THIRD-PARTY-LICENSES.txt'),
  `${header}${notices.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
);
