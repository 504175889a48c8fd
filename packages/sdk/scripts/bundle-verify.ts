import { mkdir, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Bundles the verify entry for browsers: one ESM file, no externals (zod/mini and the schema
 * package inlined), minified. `dist/browser/verify.js` is what `@promise-global/sdk/verify/browser`
 * serves; the size goal is 25 KB gzip (docs/benchmarks.md).
 */
export async function bundleVerify(): Promise<{ code: string; gzipBytes: number }> {
  const result = await build({
    entryPoints: [new URL('../src/verify/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    conditions: ['source'],
    legalComments: 'none',
    write: false,
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { code, gzipBytes: gzipSync(code, { level: 9 }).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, gzipBytes } = await bundleVerify();
  const directory = new URL('../dist/browser/', import.meta.url);
  await mkdir(directory, { recursive: true });
  await writeFile(new URL('verify.js', directory), code);
  console.log(`dist/browser/verify.js: ${code.length} bytes, ${gzipBytes} gzip`);
}
