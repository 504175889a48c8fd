import { readdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { basename } from 'node:path';

// `pnpm bench` runs every `bench/*.bench.ts` (or only those whose names contain the given words).
// Each module's default export runs its benchmark and prints its figures as ratios against a
// baseline it measures in the same run.
const only = process.argv.slice(2);
const dir = new URL('.', import.meta.url);
const files = (await readdir(dir))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((word) => file.includes(word)))
  .sort();

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
for (const file of files) {
  console.log(`\n## ${basename(file, '.bench.ts')}`);
  const bench = (await import(new URL(file, dir).href)) as { default: () => Promise<void> };
  await bench.default();
}
