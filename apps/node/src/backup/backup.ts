import { access, chmod, copyFile, open, rename, rm } from 'node:fs/promises';
import { createClient } from '@libsql/client';
import { isMemoryDatabase } from '../config/config.js';
import type { Database } from '../db/database.js';
import { OWNER_ONLY_FILE } from '../db/private-files.js';
import { NodeError } from '../errors.js';

/**
 * Writes a consistent copy of the database to `target` with `VACUUM INTO`, safe while the node
 * runs (it reads one snapshot). Local databases only; a libSQL server has its own backups.
 */
export async function backupDatabase(database: Database, target: string): Promise<void> {
  if (!database.url.startsWith('file:') && !isMemoryDatabase(database.url)) {
    throw new NodeError(
      400,
      'BACKUP_UNSUPPORTED',
      'Back up a remote libSQL database with its own tools',
    );
  }
  if (await exists(target)) {
    throw new NodeError(409, 'BACKUP_EXISTS', `${target} already exists; choose a new file`);
  }
  // VACUUM INTO fills an empty file: create it owner-only first, so the copy is never readable by others.
  await (await open(target, 'wx', OWNER_ONLY_FILE)).close();
  await database.read(() => database.client.execute({ sql: 'VACUUM INTO ?', args: [target] }));
}

/**
 * Replaces the node's database file with a backup. Stop the node first. The backup is checked
 * (it must open and hold a feed) before anything is replaced, and the swap is a rename.
 */
export async function restoreDatabase(
  databaseUrl: string,
  backup: string,
): Promise<{ records: number }> {
  if (!databaseUrl.startsWith('file:')) {
    throw new NodeError(400, 'RESTORE_UNSUPPORTED', 'Restore works on a local database file only');
  }
  const target = databaseUrl.slice('file:'.length);
  // Opening a missing file would create an empty database there: look first.
  if (!(await exists(backup))) {
    throw new NodeError(404, 'BACKUP_NOT_FOUND', `${backup} does not exist`);
  }
  const check = createClient({ url: `file:${backup}` });
  let records: number;
  try {
    const result = await check.execute('select count(*) as n from feed_records');
    records = Number(result.rows[0]?.n ?? 0);
    const integrity = await check.execute('pragma integrity_check');
    if (integrity.rows[0]?.[0] !== 'ok') throw new Error('integrity check failed');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new NodeError(400, 'BACKUP_INVALID', `${backup} is not a node backup: ${message}`);
  } finally {
    check.close();
  }
  const staging = `${target}.restoring`;
  await copyFile(backup, staging);
  await chmod(staging, OWNER_ONLY_FILE);
  await rm(`${target}-wal`, { force: true });
  await rm(`${target}-shm`, { force: true });
  await rename(staging, target);
  return { records };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
