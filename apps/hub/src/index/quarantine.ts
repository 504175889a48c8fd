import type { InStatement } from '@libsql/client';
import { SCHEMA_MAJOR, schemaMajorOf } from '@promise-global/schema';
import type { QuarantinedRecord } from '@promise-global/sdk/client/hub';
import { type FeedState, verifyRecord } from '@promise-global/sdk/verify';
import type { HubDatabase } from '../db/database.js';
import type { VerifiedEntry } from './index-rows.js';
import { indexEntries } from './write-page.js';

export async function listQuarantine(db: HubDatabase): Promise<QuarantinedRecord[]> {
  const result = await db.$client.execute(
    `SELECT n.partner_id, e.seq, e.record_type, e.record_id, q.schema_version, q.reason_code, q.reason, q.created_at
     FROM quarantine q JOIN entries e ON e.hub_seq = q.hub_seq JOIN nodes n ON n.id = q.node_id
     ORDER BY q.hub_seq`,
  );
  return result.rows.map((row) => ({
    partnerId: String(row.partner_id),
    seq: row.seq === null ? null : Number(row.seq),
    type: String(row.record_type),
    id: String(row.record_id),
    schemaVersion: String(row.schema_version),
    reasonCode: String(row.reason_code),
    reason: String(row.reason),
    createdAt: new Date(Number(row.created_at)).toISOString(),
  }));
}

/**
 * Re-processes quarantined records whose schema major the hub now knows: each is verified again
 * against the node's pinned keys and indexed if it is still the record's latest version; either way
 * it leaves quarantine — unless its record type is still unknown to this hub (§4.6), when it stays
 * until a hub that knows the type starts. Returns how many left.
 */
export async function reprocessQuarantine(
  db: HubDatabase,
  knownMajors: readonly number[],
): Promise<number> {
  const result = await db.$client.execute(
    `SELECT q.hub_seq, q.schema_version, e.jws, n.id AS node_id, n.partner_id, n.country, n.chain,
       (SELECT max(l.hub_seq) FROM entries l WHERE l.node_id = e.node_id AND l.record_type = e.record_type
          AND l.record_id = e.record_id AND l.seq IS NOT NULL) AS latest
     FROM quarantine q JOIN entries e ON e.hub_seq = q.hub_seq JOIN nodes n ON n.id = q.node_id
     WHERE n.state != 'removed' ORDER BY q.hub_seq`,
  );
  const statements: InStatement[] = [];
  let released = 0;
  for (const row of result.rows) {
    const major = schemaMajorOf(String(row.schema_version));
    if (major === undefined || major !== SCHEMA_MAJOR || !knownMajors.includes(major)) continue;
    const chain = JSON.parse(String(row.chain)) as FeedState;
    const record = await verifyRecord(String(row.jws), {
      keys: chain.keys,
      iss: chain.iss,
      partnerId: String(row.partner_id),
      quarantineUnknownMajor: true,
    });
    if (record.quarantined && record.reason === 'RECORD_TYPE_UNKNOWN') continue;
    if (!record.quarantined && Number(row.latest) === Number(row.hub_seq)) {
      const node = {
        id: Number(row.node_id),
        partnerId: String(row.partner_id),
        country: row.country === null ? null : String(row.country),
      };
      statements.push(...indexEntries(node, [record satisfies VerifiedEntry]));
    }
    statements.push({
      sql: 'DELETE FROM quarantine WHERE hub_seq = ?',
      args: [Number(row.hub_seq)],
    });
    released++;
  }
  if (statements.length > 0) await db.$client.batch(statements, 'write');
  return released;
}
