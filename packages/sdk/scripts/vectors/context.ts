import { publicJwks } from '../../src/keys/index.js';
import { type PinnedKeys, pinKeys } from '../../src/verify/index.js';
import { headFor, nodeABodies, positionAfter, signChain } from './feed.js';
import { type FixtureKeys, fixtureKeys } from './fixtures.js';

/** Everything the vector groups share: keys, pins and node A's valid feed. */
export interface VectorContext {
  keys: FixtureKeys;
  /** Node A's pins: key A active, key A-next pre-committed. */
  pinnedA: PinnedKeys;
  pinnedB: PinnedKeys;
  pinnedHub: PinnedKeys;
  /** Node A's six valid records, seq 1…6. */
  records: string[];
  /** Node A's head at seq 6, issued at NOW. */
  head: string;
}

export async function vectorContext(): Promise<VectorContext> {
  const keys = await fixtureKeys();
  const records = await signChain(keys.nodeA, nodeABodies());
  return {
    keys,
    pinnedA: await pinKeys(publicJwks([keys.nodeA]), { nextKid: keys.nodeANext.kid }),
    pinnedB: await pinKeys(publicJwks([keys.nodeB])),
    pinnedHub: await pinKeys(publicJwks([keys.hub])),
    records,
    head: await headFor(keys.nodeA, positionAfter(records, records.length)),
  };
}
