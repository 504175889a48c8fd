import type { PublicEd25519Jwk, PublicJwkSet } from '@promise-global/schema';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { ProtocolError } from '../errors.js';
import { jwkThumbprint } from './thumbprint.js';

export { jwkThumbprint };

/**
 * An Ed25519 signing key as JWKs. `kid` is the RFC 7638 thumbprint of the public key (§2.3).
 * Keep `privateJwk` secret (owner-only file permissions).
 */
export interface SigningKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: PublicEd25519Jwk;
}

/** A JSON Web Key (RFC 7517), as jose types it. */
export type { JWK };

const PKCS8_ED25519_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  if (typeof jwk.x !== 'string' || typeof jwk.d !== 'string') {
    throw new ProtocolError('KEY_INVALID', 'an Ed25519 private JWK needs x and d');
  }
  const kid = await jwkThumbprint(jwk);
  return {
    kid,
    privateJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d, kid, alg: 'EdDSA', use: 'sig' },
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: 'EdDSA', use: 'sig' },
  };
}

/**
 * Creates a fresh random Ed25519 signing key (§2.3).
 *
 * @example
 * const key = await generateSigningKey();
 * await writeFile('node-key.json', JSON.stringify(key.privateJwk), { mode: 0o600 });
 */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return fromPrivateJwk(await exportJWK(privateKey));
}

/**
 * Derives the Ed25519 signing key of a 32-byte seed (RFC 8032 private key). Deterministic: the
 * conformance vectors and tests use it; operators may supply a seed they keep elsewhere.
 */
export async function signingKeyFromSeed(seed: Uint8Array): Promise<SigningKey> {
  if (seed.byteLength !== 32) throw new ProtocolError('KEY_INVALID', 'an Ed25519 seed is 32 bytes');
  const pkcs8 = new Uint8Array(PKCS8_ED25519_PREFIX.length + 32);
  pkcs8.set(PKCS8_ED25519_PREFIX, 0);
  pkcs8.set(seed, PKCS8_ED25519_PREFIX.length);
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, [
    'sign',
  ]);
  return fromPrivateJwk(await exportJWK(privateKey));
}

/**
 * Loads a signing key from a stored private JWK (e.g. read from the node's key file), checking it
 * is Ed25519 and recomputing its kid.
 */
export async function signingKeyFromJwk(privateJwk: JWK): Promise<SigningKey> {
  if (privateJwk.kty !== 'OKP' || privateJwk.crv !== 'Ed25519') {
    throw new ProtocolError('KEY_INVALID', 'only Ed25519 OKP keys are supported');
  }
  return fromPrivateJwk(privateJwk);
}

/**
 * The JWK Set a node serves at `/.well-known/jwks.json` (§2.1): public parts only.
 *
 * @example
 * app.get('/.well-known/jwks.json', (c) => c.json(publicJwks([key])));
 */
export function publicJwks(keys: readonly SigningKey[]): PublicJwkSet {
  return { keys: keys.map((key) => ({ ...key.publicJwk })) };
}
