import { randomUUID } from 'node:crypto';
import type { PublicEd25519Jwk } from '@promise-global/schema';
import { publicJwks } from '../../src/keys/index.js';
import type { FeedState } from '../../src/verify/index.js';
import { type PinnedKeys, pinKeys } from '../../src/verify/index.js';
import { headFor, positionAfter, type RecordBody, signChain } from './feed.js';
import { fixtureKeys, innovation, NODE_A, NOW_DATE, partnerA } from './fixtures.js';

/** A node A feed of `count` ~3.5 KB innovation records, for benchmarks and load tests. */
export async function buildBenchFeed(count: number): Promise<{
  records: string[];
  head: string;
  keys: PinnedKeys;
  publicJwk: PublicEd25519Jwk;
  now: Date;
  iss: string;
  partnerId: string;
  state: FeedState;
}> {
  const { nodeA } = await fixtureKeys();
  const bodies: RecordBody[] = Array.from({ length: count }, () => {
    const data = innovation(randomUUID());
    return { type: 'innovation', id: data.id, rev: 1, updatedAt: data.updatedAt, data };
  });
  const records = await signChain(nodeA, bodies);
  const keys = await pinKeys(publicJwks([nodeA]));
  return {
    records,
    head: await headFor(
      nodeA,
      positionAfter(records, records.length),
      Math.floor(NOW_DATE.getTime() / 1000),
    ),
    keys,
    publicJwk: nodeA.publicJwk,
    now: NOW_DATE,
    iss: NODE_A,
    partnerId: partnerA.id,
    state: { iss: NODE_A, partnerId: partnerA.id, keys, seq: 0, hash: '', headIat: 0 },
  };
}

// The benchmark's baseline, re-exported so bench/ (outside the package) resolves the same jose.
export { compactVerify, importJWK } from 'jose';
