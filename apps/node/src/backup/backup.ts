import * as operations from '@promise-global/operations';
import type { Database } from '../db/database.js';

/** Writes a consistent copy of the node's database to `target`, safe while the node runs. */
export function backupDatabase(database: Database, target: string): Promise<void> {
  return database.read(() => operations.backupDatabase(database.client, database.url, target));
}

/**
 * Replaces the node's database file with a backup (hold the data-dir lock: the node must be
 * stopped). The backup must hold a feed; the swap is a rename.
 */
export function restoreDatabase(databaseUrl: string, backup: string): Promise<{ records: number }> {
  return operations.restoreDatabase(databaseUrl, backup, async (client) => {
    const result = await client.execute('select count(*) as n from feed_records');
    return { records: Number(result.rows[0]?.n ?? 0) };
  });
}
