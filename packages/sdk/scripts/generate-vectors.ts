import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { buildVectorFiles, serialiseVectorFile } from './vectors/build.js';

// Regenerates packages/sdk/vectors/ (docs/protocol.md §13). Deterministic: committed output
// must equal a fresh run, which test/vectors-drift.test.ts checks.
const dir = new URL('../vectors/', import.meta.url);
const files = await buildVectorFiles();
await mkdir(dir, { recursive: true });
for (const existing of await readdir(dir)) {
  if (!(existing in files)) await rm(new URL(existing, dir));
}
for (const [name, content] of Object.entries(files)) {
  await writeFile(new URL(name, dir), serialiseVectorFile(content));
}
console.log(`wrote ${Object.keys(files).length} files to ${dir.pathname}`);
