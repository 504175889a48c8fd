import { SCHEMA_VERSION } from '@promise-global/schema';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { vectorContext } from '../../scripts/vectors/context.js';
import { HUB, NODE_A, NOW_DATE, partnerA } from '../../scripts/vectors/fixtures.js';
import { publicJwks } from '../keys/index.js';
import { recordHash, signDescriptor, signHead, signMembership, signPing } from '../sign/index.js';
import {
  type PinnedKeys,
  type VerifiedRecord,
  verifyDescriptor,
  verifyHead,
  verifyMembership,
  verifyPing,
  verifyRecord,
} from './index.js';

const ctx = await vectorContext();
const now = NOW_DATE;
const { nodeA, nodeANext, hub } = ctx.keys;

describe('what the signers produce, the verifiers accept (§4.1)', () => {
  test('a descriptor at first contact pins its keys and the pre-committed next key', async () => {
    const jws = await signDescriptor(
      nodeA,
      {
        iss: NODE_A,
        sub: NODE_A,
        name: partnerA.name,
        partner: partnerA,
        jwks: publicJwks([nodeA]),
        nextKid: nodeANext.kid,
        schemaVersion: SCHEMA_VERSION,
        feedUrl: `${NODE_A}/feed`,
      },
      { now },
    );
    const { descriptor, keys, rotated } = await verifyDescriptor(jws, { url: NODE_A, now });
    expect(descriptor.partner).toEqual(partnerA);
    expect(keys).toEqual(
      ctx.pinnedA.keys.length === 1 ? { ...ctx.pinnedA, descriptorIat: descriptor.iat } : null,
    );
    expect(rotated).toBe(false);
  });

  test('a head, a membership statement and a ping', async () => {
    const head = await signHead(
      nodeA,
      { iss: NODE_A, seq: 6, hash: recordHash(ctx.records[5] ?? '') },
      { now },
    );
    expect(await verifyHead(head, { keys: ctx.pinnedA, iss: NODE_A, now })).toMatchObject({
      seq: 6,
    });
    const statement = await signMembership(
      hub,
      { iss: HUB, sub: NODE_A, partnerId: partnerA.id, jwks: publicJwks([nodeA]) },
      { now },
    );
    expect(
      await verifyMembership(statement, { hubKeys: ctx.pinnedHub, hub: HUB, sub: NODE_A, now }),
    ).toMatchObject({
      partnerId: partnerA.id,
    });
    const ping = await signPing(nodeA, { iss: NODE_A, aud: HUB, seq: 6 }, { now });
    expect(await verifyPing(ping, { keys: ctx.pinnedA, aud: HUB, iss: NODE_A, now })).toMatchObject(
      { seq: 6 },
    );
  });

  test('verified records are typed by the schema envelope', async () => {
    const record = await verifyRecord(ctx.records[0], { keys: ctx.pinnedA, iss: NODE_A, now });
    expectTypeOf(record).toEqualTypeOf<VerifiedRecord>();
    expectTypeOf(record.payload.seq).toEqualTypeOf<number>();
    expectTypeOf(record.payload.type).toEqualTypeOf<string>();
    if (!record.quarantined) {
      expectTypeOf(record.payload.type).toEqualTypeOf<
        'partner' | 'organisation' | 'service' | 'innovation' | 'adoption'
      >();
    }
    expectTypeOf<PinnedKeys['keys'][number]['status']>().toEqualTypeOf<'active' | 'retired'>();
    expect(record.payload.data).toEqual(partnerA);
  });
});
