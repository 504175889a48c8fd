import {
  GENESIS_HASH,
  type RecordType,
  SCHEMA_VERSION,
  type Tombstone,
} from '@promise-global/schema';
import type { SigningKey } from '@promise-global/sdk/keys';
import { recordHash, signRecord } from '@promise-global/sdk/sign';
import { desc } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { feedRecords } from '../db/schema.js';

/** Who signs: the node's key and its URL (`iss`). */
export interface RecordSigner {
  key: SigningKey;
  iss: () => string;
}

/** One published version of a record: its data, or a tombstone (protocol §4.2, §6). */
export type RecordChange = {
  type: RecordType;
  id: string;
  rev: number;
  updatedAt: string;
} & ({ data: Record<string, unknown> } | { tombstone: Tombstone });

export interface AppendedRecord {
  seq: number;
  hash: string;
  jws: string;
}

/** The newest record of the log, or `undefined` for an empty feed. */
export async function latestRecord(db: Queryable) {
  const [row] = await db
    .select({ seq: feedRecords.seq, hash: feedRecords.hash })
    .from(feedRecords)
    .orderBy(desc(feedRecords.seq))
    .limit(1);
  return row;
}

/**
 * Signs `change` as the next record of the chain (seq + 1, prev = hash of the previous JWS; §5)
 * and appends it. Call it inside the write transaction that changes the data, so the data and
 * its record commit together or not at all.
 */
export async function appendRecord(
  tx: Queryable,
  signer: RecordSigner,
  change: RecordChange,
): Promise<AppendedRecord> {
  const last = await latestRecord(tx);
  const seq = (last?.seq ?? 0) + 1;
  const jws = await signRecord(signer.key, {
    ...change,
    iss: signer.iss(),
    seq,
    prev: last?.hash ?? GENESIS_HASH,
    schemaVersion: SCHEMA_VERSION,
  });
  const hash = recordHash(jws);
  await tx.insert(feedRecords).values({
    seq,
    recordType: change.type,
    recordId: change.id,
    rev: change.rev,
    jws,
    hash,
    createdAt: new Date().toISOString(),
  });
  return { seq, hash, jws };
}
