import { describe, expect, test } from 'vitest';
import { nodeABodies, signChain } from '../../scripts/vectors/feed.js';
import { NODE_A, NOW_DATE, partnerA } from '../../scripts/vectors/fixtures.js';
import { isProtocolError, type ProtocolErrorCode } from '../errors.js';
import { publicJwks, signingKeyFromSeed } from '../keys/index.js';
import { extendChain, initialFeedState, pinKeys, verifyRecord } from './index.js';

const key = await signingKeyFromSeed(new Uint8Array(32).fill(0x31));
const keys = await pinKeys(publicJwks([key]));
const start = initialFeedState({ iss: NODE_A, keys, partnerId: partnerA.id });
const bodies = nodeABodies();
const [first, second, third] = await Promise.all(
  (await signChain(key, bodies.slice(0, 3))).map((jws) =>
    verifyRecord(jws, { keys, iss: NODE_A, partnerId: partnerA.id, now: NOW_DATE }),
  ),
);
// Another record 1, signed by the same key: what a forking node would serve.
const [otherFirst] = await Promise.all(
  (await signChain(key, bodies.slice(1, 2))).map((jws) =>
    verifyRecord(jws, { keys, iss: NODE_A, partnerId: partnerA.id, now: NOW_DATE }),
  ),
);

describe('extendChain (records that arrive one at a time, §7.3 step 3)', () => {
  test('advances through a node’s records in order', () => {
    if (!first || !second || !third) throw new Error('fixture');
    const state = [first, second, third].reduce(extendChain, start);
    expect(state).toMatchObject({ seq: 3, hash: third.hash });
  });

  test('refuses a repeat, a gap, a step back and a fork with their codes', () => {
    if (!first || !second || !third || !otherFirst) throw new Error('fixture');
    const afterFirst = extendChain(start, first);
    const afterSecond = extendChain(afterFirst, second);
    const refusal = (run: () => unknown, code: ProtocolErrorCode) =>
      expect(run).toThrowError(expect.toSatisfy((error) => isProtocolError(error, code)));
    refusal(() => extendChain(afterFirst, first), 'DUPLICATE_RECORD');
    refusal(() => extendChain(afterFirst, third), 'CHAIN_GAP');
    refusal(() => extendChain(afterSecond, first), 'ROLLBACK');
    refusal(() => extendChain(afterFirst, otherFirst), 'CHAIN_FORK');
  });
});
