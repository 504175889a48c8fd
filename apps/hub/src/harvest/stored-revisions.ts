import type { KnownRevision, RevisionLookup } from '@promise-global/sdk/verify';
import type { HubDatabase } from '../db/database.js';
import { decodePayload } from '../index/get-record.js';

/**
 * The latest stored version of a node's records, for the SDK to check `rev` and tombstones of a
 * page against (docs/protocol.md §6): one query per page over the node's log (hub-issued removals
 * are not the node's versions and are left out).
 */
export function storedRevisions(db: HubDatabase, nodeId: number): RevisionLookup {
  return {
    async revisionsOf(identities) {
      if (identities.length === 0) return [];
      const wanted = identities.map(() => '(?, ?)').join(', ');
      const result = await db.$client.execute({
        sql: `WITH wanted(record_type, record_id) AS (VALUES ${wanted})
          SELECT e.record_type, e.record_id, e.rev, e.jws FROM wanted w
          JOIN entries e ON e.node_id = ? AND e.record_type = w.record_type AND e.record_id = w.record_id
          WHERE e.seq = (SELECT max(x.seq) FROM entries x WHERE x.node_id = e.node_id
            AND x.record_type = w.record_type AND x.record_id = w.record_id AND x.seq IS NOT NULL)`,
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
