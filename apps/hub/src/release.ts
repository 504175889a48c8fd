import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot, type Release } from '@promise-global/operations';

const root = packageRoot(import.meta.url);
const manifest: { name: string; version: string } = JSON.parse(
  readFileSync(join(root, 'package.json'), 'utf8'),
);

/** This release of the hub, and the migrations it knows. */
export const RELEASE: Release = {
  packageName: manifest.name,
  version: manifest.version,
  migrationsFolder: join(root, 'drizzle'),
};
