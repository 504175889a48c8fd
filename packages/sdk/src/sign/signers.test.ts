import { GENESIS_HASH, JWS_TYP } from '@promise-global/schema';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { describe, expect, test } from 'vitest';
import { partnerA } from '../../scripts/vectors/fixtures.js';
import { isProtocolError } from '../errors.js';
import { signingKeyFromSeed } from '../keys/index.js';
import {
  recordHash,
  signDescriptor,
  signHead,
  signMembership,
  signPing,
  signRecord,
} from './index.js';

const now = new Date('2026-11-02T09:00:00Z');
const iat = Math.floor(now.getTime() / 1000);
const iss = 'https://node.example.org';
const key = await signingKeyFromSeed(new Uint8Array(32).fill(7));
const publicKey = await importJWK(key.publicJwk, 'EdDSA');

async function claimsOf(jws: string): Promise<Record<string, unknown>> {
  const { payload } = await compactVerify(jws, publicKey, { algorithms: ['EdDSA'] });
  return JSON.parse(new TextDecoder().decode(payload));
}

const record = {
  iss,
  type: 'innovation' as const,
  id: '0b7c2d0e-2c1f-4d6e-9a57-3f1e2d4c5b6a',
  rev: 1,
  seq: 1,
  prev: GENESIS_HASH,
  updatedAt: '2026-11-02T09:00:00Z',
  schemaVersion: '1.0.0',
  data: { title: 'A fictional write-up' },
};

describe('signers (§4)', () => {
  test('signs a record as compact EdDSA JWS with kid and the record typ, filling iat', async () => {
    const jws = await signRecord(key, record, { now });
    expect(jws.split('.')).toHaveLength(3);
    expect(decodeProtectedHeader(jws)).toEqual({ alg: 'EdDSA', kid: key.kid, typ: JWS_TYP.record });
    expect(await claimsOf(jws)).toEqual({ ...record, iat });
  });

  test('signs the same record to the same bytes (Ed25519 is deterministic)', async () => {
    expect(await signRecord(key, record, { now })).toBe(await signRecord(key, record, { now }));
  });

  test('refuses to sign a record with both data and a tombstone', async () => {
    const bad = { ...record, tombstone: { reason: 'deleted' as const } };
    await expect(signRecord(key, bad as never, { now })).rejects.toSatisfy((error) =>
      isProtocolError(error, 'CLAIMS_INVALID'),
    );
  });

  test('hashes a record JWS as base64url SHA-256 of its ASCII bytes (§5.1)', async () => {
    const jws = await signRecord(key, record, { now });
    const expected = Buffer.from(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(jws)),
    );
    expect(recordHash(jws)).toBe(expected.toString('base64url'));
  });

  test('signs a head with a short expiry', async () => {
    const jws = await signHead(key, { iss, seq: 1, hash: GENESIS_HASH }, { now });
    expect(decodeProtectedHeader(jws).typ).toBe(JWS_TYP.head);
    expect(await claimsOf(jws)).toEqual({ iss, iat, exp: iat + 120, seq: 1, hash: GENESIS_HASH });
  });

  test('signs a descriptor with protocol id and default expiry', async () => {
    const jws = await signDescriptor(
      key,
      {
        iss,
        sub: iss,
        name: 'Example node',
        partner: partnerA,
        jwks: { keys: [key.publicJwk] },
        schemaVersion: '1.0.0',
        feedUrl: `${iss}/feed`,
      },
      { now },
    );
    expect(decodeProtectedHeader(jws).typ).toBe(JWS_TYP.descriptor);
    expect(await claimsOf(jws)).toMatchObject({
      protocol: 'promise-feed/1',
      exp: iat + 7 * 86_400,
    });
  });

  test('signs a membership statement and a ping with a fresh jti', async () => {
    const membership = await signMembership(
      key,
      {
        iss: 'https://hub.example.org',
        sub: iss,
        partnerId: 'example',
        jwks: { keys: [key.publicJwk] },
      },
      { now },
    );
    expect(decodeProtectedHeader(membership).typ).toBe(JWS_TYP.membership);
    const ping = { iss, aud: 'https://hub.example.org', seq: 3 };
    const [a, b] = await Promise.all([signPing(key, ping, { now }), signPing(key, ping, { now })]);
    const [ca, cb] = await Promise.all([claimsOf(a), claimsOf(b)]);
    expect(ca).toMatchObject({ ...ping, iat, exp: iat + 60 });
    expect(ca.jti).not.toBe(cb.jti);
  });
});
