import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Release } from '@promise-global/operations';

const manifest: { name: string; version: string } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
);

/** This release of the node, and the migrations it knows. */
export const RELEASE: Release = {
  packageName: manifest.name,
  version: manifest.version,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};
