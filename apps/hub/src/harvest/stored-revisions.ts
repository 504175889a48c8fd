import type { KnownRevision, RevisionLookup } from '@promise-global/sdk/verify';
import type { HubDatabase } from '../db/database.js';
import { decodePayload } from '../index/get-record.js';

/**
 * The query of the latest stored version of `count` identities: `count` (type, id) pairs, then the
 * node id. INDEXED BY, because left alone SQLite walks `entries_node_seq` instead (30 s for 1000
 * identities in 100k entries, against 0.1 s).
 */
export function latestRevisionsSql(count: number): string {
  const wanted = Array.from({ length: count }, () => '(?, ?)').join(', ');
  return `WITH wanted(record_type, record_id) AS (VALUES ${wanted}),
    latest(hub_seq) AS (SELECT (SELECT x.hub_seq FROM entries x INDEXED BY entries_record
      WHERE x.node_id = ? AND x.record_type = w.record_type AND x.record_id = w.record_id
        AND x.seq IS NOT NULL ORDER BY x.seq DESC LIMIT 1) FROM wanted w)
    SELECT e.record_type, e.record_id, e.rev, e.jws FROM latest l JOIN entries e ON e.hub_seq = l.hub_seq`;
}

/**
 * The latest stored version of a node's records, for the SDK to check `rev` and tombstones of a
 * page against (docs/protocol.md §6): one query per page over the node's log (hub-issued removals
 * are not the node's versions and are left out).
 */
export function storedRevisions(db: HubDatabase, nodeId: number): RevisionLookup {
  return {
    async revisionsOf(identities) {
      if (identities.length === 0) return [];
      const result = await db.$client.execute({
        sql: latestRevisionsSql(identities.length),
        args: [...identities.flatMap(({ type, id }) => [type, id]), nodeId],
      });
      return result.rows.map(
        (row): KnownRevision => ({
          type: String(row.record_type),
          id: String(row.record_id),
          rev: Number(row.rev),
          tombstoned: decodePayload(String(row.jws)).tombstone !== undefined,
        }),
      );
    },
  };
}
