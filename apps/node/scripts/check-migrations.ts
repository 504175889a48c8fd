import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const appDir = fileURLToPath(new URL('..', import.meta.url));
const drizzleKit = join(appDir, 'node_modules', '.bin', 'drizzle-kit');

export interface MigrationDrift {
  /** Migration files drizzle-kit would add for the current schema; empty when in step. */
  missing: string[];
  output: string;
}

/**
 * Regenerates migrations from the drizzle schema into a copy of `drizzle/` and reports any file
 * drizzle-kit had to add: a non-empty list means the schema changed without a committed migration.
 */
export async function findMigrationDrift(): Promise<MigrationDrift> {
  // drizzle-kit only accepts an `out` relative to the config, so the copy lives under node_modules.
  const cache = join(appDir, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const out = await mkdtemp(join(cache, 'drift-'));
  try {
    await cp(join(appDir, 'drizzle'), out, { recursive: true });
    const before = new Set(await listFiles(out));
    const env = { ...process.env, DRIZZLE_OUT: relative(appDir, out) };
    const check = await run(drizzleKit, ['check'], { cwd: appDir, env });
    const generate = await run(drizzleKit, ['generate', '--name', 'drift'], { cwd: appDir, env });
    const missing = (await listFiles(out)).filter((file) => !before.has(file));
    return { missing, output: `${check.stdout}${generate.stdout}${generate.stderr}` };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const drift = await findMigrationDrift();
  if (drift.missing.length > 0) {
    console.error(
      `The drizzle schema and the committed migrations differ; drizzle-kit would add:\n  ${drift.missing.join('\n  ')}\nRun \`pnpm --filter @promise-global/node db:generate\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log('Migrations match the schema.');
}
