import { GENESIS_HASH, SCHEMA_VERSION } from '@promise-global/schema';
import { describe, expect, test } from 'vitest';
import { type RecordBody, signChain } from '../../scripts/vectors/feed.js';
import {
  HUB,
  NODE_A,
  NOW,
  NOW_DATE,
  organisation,
  partnerA,
} from '../../scripts/vectors/fixtures.js';
import { isProtocolError } from '../errors.js';
import { publicJwks, signingKeyFromSeed } from '../keys/index.js';
import { recordHash, signDescriptor, signHead, signMembership } from '../sign/index.js';
import {
  initialFeedState,
  membershipKeys,
  type PinnedKeys,
  pinKeys,
  verifyDescriptor,
  verifyFeedPage,
  verifyHead,
  verifyMembership,
  verifyRecord,
} from './index.js';

const now = NOW_DATE;
const keyOf = (byte: number) => signingKeyFromSeed(new Uint8Array(32).fill(byte));
const k1 = await keyOf(0x11);
const k2 = await keyOf(0x12);
const k3 = await keyOf(0x13);
const k4 = await keyOf(0x14);

const descriptorClaims = {
  iss: NODE_A,
  sub: NODE_A,
  name: partnerA.name,
  partner: partnerA,
  schemaVersion: SCHEMA_VERSION,
  feedUrl: `${NODE_A}/feed`,
};
const bodies: RecordBody[] = [1, 2, 3, 4, 5].map((rev) => ({
  type: 'organisation',
  id: organisation.id,
  rev,
  updatedAt: organisation.updatedAt,
  data: organisation,
}));
const head = (key: typeof k1, records: string[]) =>
  signHead(
    key,
    { iss: NODE_A, seq: records.length, hash: recordHash(records.at(-1) ?? '') },
    { now },
  );

async function enrol(): Promise<PinnedKeys> {
  const jws = await signDescriptor(
    k1,
    { ...descriptorClaims, jwks: publicJwks([k1]), nextKid: k2.kid },
    { now },
  );
  return (await verifyDescriptor(jws, { url: NODE_A, now })).keys;
}

describe('key rotation and revocation (§9)', () => {
  test('a rotation announced with the current key keeps old records verifiable by the retired key', async () => {
    const first = await signChain(k1, bodies.slice(0, 3));
    const rotation = await signDescriptor(
      k1,
      { ...descriptorClaims, iat: NOW + 1, jwks: publicJwks([k3]), nextKid: k2.kid },
      { now },
    );
    const { keys, rotated } = await verifyDescriptor(rotation, {
      url: NODE_A,
      keys: await enrol(),
      now,
    });
    expect(rotated).toBe(true);
    expect(keys.keys.map((key) => [key.kid, key.status])).toEqual([
      [k3.kid, 'active'],
      [k1.kid, 'retired'],
    ]);
    const later = await signChain(k3, bodies.slice(3), {
      seq: 3,
      hash: recordHash(first[2] ?? ''),
    });
    const records = [...first, ...later];
    const page = await verifyFeedPage(
      initialFeedState({ iss: NODE_A, keys, partnerId: partnerA.id }),
      {
        records,
        head: await head(k3, records),
      },
      { now },
    );
    expect(page.records.map((record) => record.kid)).toEqual([
      k1.kid,
      k1.kid,
      k1.kid,
      k3.kid,
      k3.kid,
    ]);
    await expect(verifyHead(await head(k1, records), { keys, iss: NODE_A, now })).rejects.toSatisfy(
      (error) => isProtocolError(error, 'KEY_RETIRED'),
    );
  });

  test('the pre-committed next key recovers from a compromised key, revoking it from a seq onward', async () => {
    const records = [...(await signChain(k1, bodies.slice(0, 4)))];
    // An attacker holding k1 appends seq 5; the operator revokes k1 from seq 5 with k2.
    records.push(
      ...(await signChain(k1, bodies.slice(4), { seq: 4, hash: recordHash(records[3] ?? '') })),
    );
    const recovery = await signDescriptor(
      k2,
      {
        ...descriptorClaims,
        iat: NOW + 1,
        jwks: publicJwks([k2]),
        nextKid: k4.kid,
        revocations: [{ kid: k1.kid, fromSeq: 5 }],
      },
      { now },
    );
    const { keys } = await verifyDescriptor(recovery, { url: NODE_A, keys: await enrol(), now });
    const state = initialFeedState({ iss: NODE_A, keys, partnerId: partnerA.id });
    const upToFour = await verifyFeedPage(
      state,
      { records: records.slice(0, 4), head: await head(k2, records) },
      { now },
    );
    expect(upToFour.state.seq).toBe(4);
    const failure = verifyFeedPage(
      upToFour.state,
      { records: records.slice(4), head: await head(k2, records) },
      { now },
    );
    await expect(failure).rejects.toSatisfy((error) => isProtocolError(error, 'KEY_REVOKED'));
    expect(upToFour.state.seq).toBe(4);

    const attackerRotation = await signDescriptor(
      k1,
      { ...descriptorClaims, iat: NOW + 2, jwks: publicJwks([k3]) },
      { now },
    );
    await expect(verifyDescriptor(attackerRotation, { url: NODE_A, keys, now })).rejects.toSatisfy(
      (error) => isProtocolError(error, 'KEY_REVOKED'),
    );
  });

  test('a descriptor cannot re-activate a revoked key', async () => {
    const pinned = await enrol();
    const revoking = await signDescriptor(
      k1,
      {
        ...descriptorClaims,
        iat: NOW + 1,
        jwks: publicJwks([k3]),
        revocations: [{ kid: k1.kid, fromSeq: 1 }],
      },
      { now },
    );
    const { keys } = await verifyDescriptor(revoking, { url: NODE_A, keys: pinned, now });
    const reactivating = await signDescriptor(
      k3,
      { ...descriptorClaims, iat: NOW + 2, jwks: publicJwks([k3, k1]) },
      { now },
    );
    await expect(verifyDescriptor(reactivating, { url: NODE_A, keys, now })).rejects.toSatisfy(
      (error) => isProtocolError(error, 'KEY_REVOKED'),
    );
  });

  test('a feed signed before enrolment verifies from genesis against the pinned keys', async () => {
    const records = await signChain(k1, bodies);
    const { state } = await verifyFeedPage(
      initialFeedState({ iss: NODE_A, keys: await enrol() }),
      {
        records,
        head: await head(k1, records),
      },
      { now },
    );
    expect(state.seq).toBe(5);
    expect(state.hash).not.toBe(GENESIS_HASH);
  });

  test('a verifier meeting a node after its rotation pins the retired keys it lists, for records only', async () => {
    const first = await signChain(k1, bodies.slice(0, 3));
    const later = await signChain(k3, bodies.slice(3), {
      seq: 3,
      hash: recordHash(first[2] ?? ''),
    });
    const records = [...first, ...later];
    const descriptor = await signDescriptor(
      k3,
      {
        ...descriptorClaims,
        jwks: publicJwks([k3]),
        retiredJwks: publicJwks([k1]),
        nextKid: k2.kid,
      },
      { now },
    );
    const { keys } = await verifyDescriptor(descriptor, { url: NODE_A, now });
    expect(keys.keys.map((key) => [key.kid, key.status])).toEqual([
      [k3.kid, 'active'],
      [k1.kid, 'retired'],
    ]);
    const state = initialFeedState({ iss: NODE_A, keys, partnerId: partnerA.id });
    const page = await verifyFeedPage(state, { records, head: await head(k3, records) }, { now });
    expect(page.state.seq).toBe(5);
    await expect(verifyHead(await head(k1, records), { keys, iss: NODE_A, now })).rejects.toSatisfy(
      (error) => isProtocolError(error, 'KEY_RETIRED'),
    );
    const signedByRetired = await signDescriptor(
      k1,
      { ...descriptorClaims, jwks: publicJwks([k3]), retiredJwks: publicJwks([k1]) },
      { now },
    );
    await expect(verifyDescriptor(signedByRetired, { url: NODE_A, now })).rejects.toSatisfy(
      (error) => isProtocolError(error, 'UNKNOWN_KID'),
    );
  });

  test('a descriptor listing one key as both active and retired is refused', async () => {
    const both = await signDescriptor(
      k1,
      { ...descriptorClaims, jwks: publicJwks([k1]), retiredJwks: publicJwks([k1]) },
      { now },
    );
    await expect(verifyDescriptor(both, { url: NODE_A, now })).rejects.toSatisfy((error) =>
      isProtocolError(error, 'KEY_INVALID'),
    );
  });

  test('a membership statement carries retired and revoked keys, so records verify through the hub', async () => {
    const hubKey = await keyOf(0x21);
    const records = await signChain(k1, bodies.slice(0, 4));
    const statement = await signMembership(
      hubKey,
      {
        iss: HUB,
        sub: NODE_A,
        partnerId: partnerA.id,
        jwks: publicJwks([k2]),
        retiredJwks: publicJwks([k1]),
        revocations: [{ kid: k1.kid, fromSeq: 4 }],
      },
      { now },
    );
    const member = await verifyMembership(statement, {
      hubKeys: await pinKeys(publicJwks([hubKey])),
      hub: HUB,
      sub: NODE_A,
      now,
    });
    const keys = await membershipKeys(member);
    const options = { iss: NODE_A, keys, partnerId: partnerA.id, now };
    expect((await verifyRecord(records[2], options)).payload.seq).toBe(3);
    await expect(verifyRecord(records[3], options)).rejects.toSatisfy((error) =>
      isProtocolError(error, 'KEY_REVOKED'),
    );
  });
});
