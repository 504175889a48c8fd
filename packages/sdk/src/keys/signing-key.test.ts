import { calculateJwkThumbprint } from 'jose';
import { describe, expect, test } from 'vitest';
import { isProtocolError } from '../errors.js';
import {
  generateSigningKey,
  jwkThumbprint,
  publicJwks,
  signingKeyFromJwk,
  signingKeyFromSeed,
} from './index.js';

describe('signing keys (§2.3)', () => {
  test('generates an Ed25519 key whose kid is the RFC 7638 thumbprint of its public part', async () => {
    const key = await generateSigningKey();
    expect(key.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: key.kid });
    expect(key.publicJwk).not.toHaveProperty('d');
    expect(key.privateJwk.d).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key.kid).toBe(
      await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: key.publicJwk.x }),
    );
  });

  test('two generated keys differ', async () => {
    const [a, b] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    expect(a.kid).not.toBe(b.kid);
  });

  test('derives the same key from the same seed and the RFC 8032 test key from its seed', async () => {
    // RFC 8032 §7.1 TEST 1
    const seed = Buffer.from(
      '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
      'hex',
    );
    const key = await signingKeyFromSeed(seed);
    expect(Buffer.from(key.publicJwk.x, 'base64url').toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
    expect((await signingKeyFromSeed(seed)).kid).toBe(key.kid);
  });

  test('reloads a stored private JWK to the same key', async () => {
    const key = await generateSigningKey();
    const reloaded = await signingKeyFromJwk(JSON.parse(JSON.stringify(key.privateJwk)));
    expect(reloaded).toEqual(key);
  });

  test('refuses keys that are not Ed25519', async () => {
    await expect(jwkThumbprint({ kty: 'EC', crv: 'P-256', x: 'abc' })).rejects.toSatisfy((error) =>
      isProtocolError(error, 'KEY_INVALID'),
    );
    await expect(signingKeyFromSeed(new Uint8Array(31))).rejects.toSatisfy((error) =>
      isProtocolError(error, 'KEY_INVALID'),
    );
  });

  test('publishes only public parts in the JWK Set', async () => {
    const keys = [await generateSigningKey(), await generateSigningKey()];
    const set = publicJwks(keys);
    expect(set.keys.map((jwk) => jwk.kid)).toEqual(keys.map((key) => key.kid));
    expect(JSON.stringify(set)).not.toContain('"d"');
  });
});
