import { describe, expect, test } from 'vitest';
import { nodeABodies, positionAfter, signChain } from '../../scripts/vectors/feed.js';
import { HUB, NODE_A, NOW, NOW_DATE, partnerA } from '../../scripts/vectors/fixtures.js';
import { isProtocolError } from '../errors.js';
import { publicJwks, signingKeyFromSeed } from '../keys/index.js';
import { signMembership } from '../sign/index.js';
import type { AggregateItem } from './aggregate-digest.js';
import { type FeedState, pinKeys, verifyRelayedItems } from './index.js';

const hubKey = await signingKeyFromSeed(new Uint8Array(32).fill(0x51));
const oldKey = await signingKeyFromSeed(new Uint8Array(32).fill(0x52));
const newKey = await signingKeyFromSeed(new Uint8Array(32).fill(0x53));
const hubKeys = await pinKeys(publicJwks([hubKey]));
const bodies = nodeABodies();
// Records 1–2 signed with the old key, record 3 with the new one after a rotation.
const early = await signChain(oldKey, bodies.slice(0, 2));
const [late = ''] = await signChain(newKey, bodies.slice(2, 3), positionAfter(early, 2));
const statement = (partnerId = partnerA.id) =>
  signMembership(
    hubKey,
    { iss: HUB, sub: NODE_A, partnerId, jwks: publicJwks([newKey]), iat: NOW, exp: NOW + 86_400 },
    { now: NOW_DATE },
  );
const known: FeedState = {
  iss: NODE_A,
  partnerId: partnerA.id,
  keys: await pinKeys(publicJwks([oldKey])),
  ...positionAfter(early, 2),
  headIat: 0,
};
const page = { items: [{ hubSeq: 9, node: NODE_A, jws: late }] satisfies AggregateItem[] };
const options = async (partnerId?: string) => ({
  hubKeys,
  hub: HUB,
  memberships: new Map([[NODE_A, await statement(partnerId)]]),
  nodes: new Map([[NODE_A, { state: known, revisions: [] }]]),
  now: NOW_DATE,
});

describe('verifyRelayedItems for a node already known here (§14.5)', () => {
  test('continues its chain with the keys of its current statement, keeping the old ones retired', async () => {
    const result = await verifyRelayedItems(page, await options());
    const state = result.nodes.get(NODE_A);
    expect(state).toMatchObject({ seq: 3, hash: result.records[0]?.record.hash });
    expect(state?.keys.keys.map((key) => [key.kid, key.status])).toEqual([
      [newKey.kid, 'active'],
      [oldKey.kid, 'retired'],
    ]);
  });

  test('refuses a statement that moves the node to another partner id', async () => {
    await expect(verifyRelayedItems(page, await options('someone-else'))).rejects.toSatisfy(
      (error) => isProtocolError(error, 'NAMESPACE_VIOLATION'),
    );
  });

  test('refuses the record replayed after its removal, unless the node restarts at seq 1', async () => {
    const removal: AggregateItem = {
      hubSeq: 8,
      node: NODE_A,
      removed: { type: 'partner', id: partnerA.id, rev: 1 },
    };
    await expect(
      verifyRelayedItems({ items: [removal, ...page.items] }, await options()),
    ).rejects.toSatisfy((error) => isProtocolError(error, 'CHAIN_GAP'));
  });
});
