import type { HubDatabase } from '../db/database.js';

/**
 * Takes a removed node's records out of the index and appends one removal tombstone per record to
 * the hub's log (seq NULL, no JWS), so hubs and caches downstream clear them too. One batch.
 */
export async function removeNodeFromIndex(db: HubDatabase, nodeId: number): Promise<void> {
  const current = `SELECT node_id, record_type, record_id, max(rev) AS rev FROM entries
    WHERE node_id = ? AND seq IS NOT NULL GROUP BY record_type, record_id`;
  await db.$client.batch(
    [
      {
        sql: `INSERT INTO entries (node_id, seq, hash, record_type, record_id, rev, jws)
          SELECT node_id, NULL, '', record_type, record_id, rev, '' FROM (${current})`,
        args: [nodeId],
      },
      {
        sql: 'DELETE FROM innovation_fts WHERE rowid IN (SELECT rowid FROM innovations WHERE node_id = ?)',
        args: [nodeId],
      },
      { sql: 'DELETE FROM innovations WHERE node_id = ?', args: [nodeId] },
      {
        sql: 'DELETE FROM service_fts WHERE rowid IN (SELECT rowid FROM services WHERE node_id = ?)',
        args: [nodeId],
      },
      { sql: 'DELETE FROM services WHERE node_id = ?', args: [nodeId] },
      { sql: 'DELETE FROM directory WHERE node_id = ?', args: [nodeId] },
      { sql: 'DELETE FROM adoptions WHERE node_id = ?', args: [nodeId] },
      { sql: 'DELETE FROM quarantine WHERE node_id = ?', args: [nodeId] },
    ],
    'write',
  );
}
