import { access, chmod, copyFile, open, rename, rm } from 'node:fs/promises';
import { type Client, createClient } from '@libsql/client';
import { OperationError } from './operation-error.js';
import { databaseFilePath, OWNER_ONLY_FILE } from './private-files.js';

/**
 * Writes a consistent copy of an embedded database to `target` with `VACUUM INTO`, safe while
 * the server runs (it reads one snapshot). Local databases only: a libSQL server has its own.
 */
export async function backupDatabase(
  client: Client,
  databaseUrl: string,
  target: string,
): Promise<void> {
  if (databaseFilePath(databaseUrl) === null && !databaseUrl.includes(':memory:')) {
    throw new OperationError(
      'BACKUP_UNSUPPORTED',
      'Back up a remote libSQL database with its own tools',
    );
  }
  if (await exists(target)) {
    throw new OperationError('BACKUP_EXISTS', `${target} already exists; choose a new file`);
  }
  // VACUUM INTO fills an empty file: create it owner-only first, so the copy is never readable by others.
  await (await open(target, 'wx', OWNER_ONLY_FILE)).close();
  try {
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] });
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
}

/**
 * Replaces a database file with a backup; the server must be stopped (hold its data-dir lock).
 * The backup is checked first (it must open, pass SQLite's integrity check and satisfy `check`,
 * which names what it holds), then copied beside the database and renamed over it, so a failure
 * at any point leaves the old database as it was.
 */
export async function restoreDatabase<T>(
  databaseUrl: string,
  backup: string,
  check: (client: Client) => Promise<T>,
): Promise<T> {
  const target = databaseFilePath(databaseUrl);
  if (target === null) {
    throw new OperationError('RESTORE_UNSUPPORTED', 'Restore works on a local database file only');
  }
  // Opening a missing file would create an empty database there: look first.
  if (!(await exists(backup))) {
    throw new OperationError('BACKUP_NOT_FOUND', `${backup} does not exist`);
  }
  const reader = createClient({ url: `file:${backup}` });
  let found: T;
  try {
    const integrity = await reader.execute('pragma integrity_check');
    if (integrity.rows[0]?.[0] !== 'ok') throw new Error('integrity check failed');
    found = await check(reader);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new OperationError('BACKUP_INVALID', `${backup} is not a usable backup: ${message}`);
  } finally {
    reader.close();
  }
  const staging = `${target}.restoring`;
  await copyFile(backup, staging);
  await chmod(staging, OWNER_ONLY_FILE);
  await rm(`${target}-wal`, { force: true });
  await rm(`${target}-shm`, { force: true });
  await rename(staging, target);
  return found;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
