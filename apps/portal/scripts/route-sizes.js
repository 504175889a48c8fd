// Prints each route's browser JavaScript (gzipped) after `vite build`: the entry chunks, the root
// layout and the page, with everything they import. Fails when a route is over the budget.
// Usage: node scripts/route-sizes.js [--max-kb 60]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUTPUT = '.svelte-kit/output';
const CLIENT = join(OUTPUT, 'client');
const NODE_KEY = (index) => `.svelte-kit/generated/client-optimized/nodes/${index}.js`;

const maxIndex = process.argv.indexOf('--max-kb');
const budgetKb = maxIndex === -1 ? Number.POSITIVE_INFINITY : Number(process.argv[maxIndex + 1]);

/** @type {Record<string, { file: string; imports?: string[]; isEntry?: boolean; src?: string }>} */
const manifest = JSON.parse(readFileSync(join(CLIENT, '.vite', 'manifest.json'), 'utf8'));
const serverManifest = readFileSync(join(OUTPUT, 'server', 'manifest.js'), 'utf8');

const entryKeys = Object.keys(manifest).filter(
  (key) => key.endsWith('/client/entry.js') || key.endsWith('client-optimized/app.js'),
);

/** @param {string[]} keys */
function closure(keys) {
  const seen = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return seen;
}

const gzipped = new Map();
/** @param {string} file */
function gzipBytes(file) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(CLIENT, file))).length);
  return gzipped.get(file);
}

const routes = [
  ...serverManifest.matchAll(
    /id: "([^"]+)"[\s\S]*?page: \{ layouts: \[([\d,]*)\][^}]*leaf: (\d+) \}/g,
  ),
].map(([, id, layouts, leaf]) => ({
  id,
  nodes: [...layouts.split(',').filter(Boolean).map(Number), Number(leaf)],
}));

let over = 0;
console.log('route'.padEnd(32), 'JS gzipped');
for (const route of routes) {
  const files = closure([...entryKeys, ...route.nodes.map(NODE_KEY)]);
  const kb = [...files].reduce((sum, file) => sum + gzipBytes(file), 0) / 1024;
  if (kb > budgetKb) over += 1;
  console.log(
    route.id.padEnd(32),
    `${kb.toFixed(1)} KB${kb > budgetKb ? `  over the ${budgetKb} KB budget` : ''}`,
  );
}
if (over > 0) process.exit(1);
