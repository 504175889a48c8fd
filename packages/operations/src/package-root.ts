import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Release } from './release-check.js';

/**
 * The folder of the package a module belongs to: the nearest one up with a package.json. The
 * same from a source file, a compiled one or a bundle, wherever each sits in the package.
 */
export function packageRoot(moduleUrl: string): string {
  let folder = dirname(fileURLToPath(moduleUrl));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${fileURLToPath(moduleUrl)}`);
    folder = parent;
  }
  return folder;
}

/** The release a module ships in: its package's name and version, and its drizzle migrations. */
export function releaseOf(moduleUrl: string): Release {
  const root = packageRoot(moduleUrl);
  const manifest: { name: string; version: string } = JSON.parse(
    readFileSync(join(root, 'package.json'), 'utf8'),
  );
  return {
    packageName: manifest.name,
    version: manifest.version,
    migrationsFolder: join(root, 'drizzle'),
  };
}
