import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The packages a release publishes, in dependency order. */
export const PUBLISHED = [
  'packages/schema',
  'packages/operations',
  'packages/sdk',
  'packages/ui',
  'apps/node',
  'apps/hub',
  'apps/portal',
] as const;

/** Packs every published package as pnpm publishes it (workspace ranges become semver ranges). */
export async function packRelease(destination: string): Promise<string[]> {
  for (const path of PUBLISHED) {
    await run('pnpm', ['pack', '--pack-destination', destination], { cwd: join(root, path) });
  }
  const files = await readdir(destination);
  return files.filter((file) => file.endsWith('.tgz')).map((file) => join(destination, file));
}

/** Installs the tarballs with npm into an empty folder, as a partner would (no pnpm, no links). */
export async function installWithNpm(folder: string, tarballs: string[]): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'release-install-test', private: true, type: 'module' }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], {
    cwd: folder,
    env: { ...process.env, npm_config_workspaces: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * A Node.js binary of the given major: this one when it matches, otherwise the `node` package
 * from the npm registry (it ships the binary), installed once into the user's cache.
 */
export async function nodeOfMajor(major: number): Promise<string> {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const prefix = join(homedir(), '.cache', 'promise-network', `node${major}`);
  const binary = join(prefix, 'node_modules', '.bin', 'node');
  if (!existsSync(binary)) {
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefix', prefix, `node@${major}`]);
  }
  return binary;
}
