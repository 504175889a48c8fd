import type { InStatement } from '@libsql/client';
import { schemaMajorOf } from '@promise-global/schema';
import type { FeedState, VerifiedFeedPage } from '@promise-global/sdk/verify';
import type { HubDatabase } from '../db/database.js';
import type { VerifiedEntry } from '../index/index-rows.js';
import {
  appendEntries,
  indexEntries,
  type PageNode,
  type QuarantinedEntry,
} from '../index/write-page.js';

/** Statements that quarantine log entries the hub cannot index, with the reason. */
export function quarantineEntries(
  nodeId: number,
  quarantined: readonly QuarantinedEntry[],
  now: number,
): InStatement[] {
  return quarantined.map((entry) => ({
    sql: `INSERT OR REPLACE INTO quarantine (hub_seq, node_id, schema_version, reason_code, reason, created_at)
      VALUES ((SELECT hub_seq FROM entries WHERE node_id = ? AND seq = ?), ?, ?, ?, ?, ?)`,
    args: [nodeId, entry.seq, nodeId, entry.schemaVersion, entry.reasonCode, entry.reason, now],
  }));
}

/** A verified record as the hub stores it; `reason` is set when the SDK did not read its data. */
export type StoredRecord = VerifiedEntry & { quarantined: boolean; reason?: string };

/**
 * Splits verified records into those the hub indexes and those it quarantines: an unknown major
 * (§4.3), or a record type this hub does not know (§4.6). Both stay in the log and the chain.
 */
export function partitionByMajor(
  records: readonly StoredRecord[],
  knownMajors: readonly number[],
): { indexable: VerifiedEntry[]; quarantined: QuarantinedEntry[] } {
  const indexable: VerifiedEntry[] = [];
  const quarantined: QuarantinedEntry[] = [];
  for (const record of records) {
    const major = schemaMajorOf(record.payload.schemaVersion);
    if (record.quarantined && record.reason === 'RECORD_TYPE_UNKNOWN') {
      quarantined.push({
        seq: record.payload.seq,
        schemaVersion: record.payload.schemaVersion,
        reasonCode: 'RECORD_TYPE_UNKNOWN',
        reason: `record type ${record.payload.type} (schema ${record.payload.schemaVersion}) is not known to this hub`,
      });
    } else if (record.quarantined || major === undefined || !knownMajors.includes(major)) {
      quarantined.push({
        seq: record.payload.seq,
        schemaVersion: record.payload.schemaVersion,
        reasonCode: 'SCHEMA_MAJOR_UNKNOWN',
        reason: `schema ${record.payload.schemaVersion} has a major this hub does not know`,
      });
    } else {
      indexable.push(record);
    }
  }
  return { indexable, quarantined };
}

/**
 * Statements that store verified records of one node: the log entries, quarantine rows and index
 * upserts (the node's chain state is the caller's to add). Shared by node pages and by records
 * relayed from an upstream hub.
 */
export function recordStatements(
  node: PageNode,
  records: readonly StoredRecord[],
  knownMajors: readonly number[],
  now = Date.now(),
): InStatement[] {
  const { indexable, quarantined } = partitionByMajor(records, knownMajors);
  return [
    ...appendEntries(node.id, records),
    ...quarantineEntries(node.id, quarantined, now),
    ...indexEntries(node, indexable),
  ];
}

/**
 * Stores one verified page in ONE write batch (a transaction): the log entries, quarantine rows,
 * index upserts and the node's new chain state and cursor — so a crash at any instant leaves either
 * all of it or none of it (DESIGN.md property 9).
 */
export async function storeVerifiedPage(
  db: HubDatabase,
  node: PageNode,
  page: VerifiedFeedPage,
  knownMajors: readonly number[],
  now = Date.now(),
): Promise<FeedState> {
  const statements: InStatement[] = [
    ...recordStatements(node, page.records, knownMajors, now),
    {
      sql: 'UPDATE nodes SET chain = ?, cursor_seq = ?, head_seq = ? WHERE id = ?',
      args: [JSON.stringify(page.state), page.state.seq, page.head.seq, node.id],
    },
  ];
  await db.$client.batch(statements, 'write');
  return page.state;
}
