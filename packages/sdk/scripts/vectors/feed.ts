import { GENESIS_HASH, type RecordPayloadInput, SCHEMA_VERSION } from '@promise-global/schema';
import type { SigningKey } from '../../src/keys/index.js';
import { recordHash, signHead, signRecord } from '../../src/sign/index.js';
import type { FeedState, PinnedKeys } from '../../src/verify/index.js';
import { innovation, NODE_A, NOW, organisation, partnerA, service } from './fixtures.js';

export type RecordBody = Pick<RecordPayloadInput, 'type' | 'id' | 'rev' | 'updatedAt'> &
  Partial<Pick<RecordPayloadInput, 'schemaVersion' | 'data' | 'tombstone'>>;

/** The six records node A publishes: one per type, a tombstone and a newer-minor record. */
export function nodeABodies(): RecordBody[] {
  const write = innovation('0b7c2d0e-2c1f-4d6e-9a57-3f1e2d4c5b6a');
  return [
    { type: 'partner', id: partnerA.id, rev: 1, updatedAt: '2026-11-01T09:00:00Z', data: partnerA },
    {
      type: 'organisation',
      id: organisation.id,
      rev: 1,
      updatedAt: organisation.updatedAt,
      data: organisation,
    },
    { type: 'service', id: service.id, rev: 1, updatedAt: service.updatedAt, data: service },
    { type: 'innovation', id: write.id, rev: 1, updatedAt: write.updatedAt, data: write },
    {
      type: 'service',
      id: service.id,
      rev: 2,
      updatedAt: '2026-11-02T08:00:00Z',
      tombstone: { reason: 'deleted' },
    },
    {
      type: 'innovation',
      id: write.id,
      rev: 2,
      updatedAt: '2026-11-02T08:30:00Z',
      schemaVersion: '1.3.0',
      data: { ...write, status: 'withdrawn', fieldFromMinor3: 'ignored by a 1.0 reader' },
    },
  ];
}

/** Signs bodies as a chain from (`seq`, `hash`): each record's prev is the previous hash (§5). */
export async function signChain(
  key: SigningKey,
  bodies: readonly RecordBody[],
  from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
  iss = NODE_A,
): Promise<string[]> {
  const records: string[] = [];
  let { seq, hash } = from;
  for (const body of bodies) {
    seq += 1;
    const jws = await signRecord(
      key,
      { schemaVersion: SCHEMA_VERSION, ...body, iss, seq, prev: hash } as RecordPayloadInput,
      { now: new Date((NOW - 86_400 + seq * 60) * 1000) },
    );
    records.push(jws);
    hash = recordHash(jws);
  }
  return records;
}

/** A head for the chain ending in `records` (or at `seq`/`hash`), issued at `iat`. */
export async function headFor(
  key: SigningKey,
  position: { seq: number; hash: string },
  iat = NOW,
  iss = NODE_A,
): Promise<string> {
  return signHead(key, { iss, seq: position.seq, hash: position.hash, iat, exp: iat + 120 });
}

/** The position after the `count`-th record of `records`. */
export function positionAfter(
  records: readonly string[],
  count: number,
): { seq: number; hash: string } {
  const jws = records[count - 1];
  return jws === undefined ? { seq: 0, hash: GENESIS_HASH } : { seq: count, hash: recordHash(jws) };
}

/** A feed state at `position` with `keys` pinned. */
export function stateAt(
  keys: PinnedKeys,
  position: { seq: number; hash: string },
  headIat = 0,
): FeedState {
  return {
    iss: NODE_A,
    partnerId: partnerA.id,
    keys,
    seq: position.seq,
    hash: position.hash,
    headIat,
  };
}
