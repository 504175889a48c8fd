import { CompactSign, type CryptoKey, importJWK } from 'jose';
import type { SigningKey } from '../keys/signing-key.js';

const privateKeys = new WeakMap<SigningKey, Promise<CryptoKey>>();
const encoder = new TextEncoder();

function privateKeyOf(key: SigningKey): Promise<CryptoKey> {
  let cached = privateKeys.get(key);
  if (cached === undefined) {
    cached = importJWK(key.privateJwk, 'EdDSA') as Promise<CryptoKey>;
    privateKeys.set(key, cached);
  }
  return cached;
}

/**
 * Signs `claims` as a compact JWS with the protected header `{ alg: 'EdDSA', kid, typ }` (§4.1).
 * Internal: the public signers validate their claims first.
 */
export async function signCompact(
  key: SigningKey,
  typ: string,
  claims: unknown,
  extraHeader: Record<string, unknown> = {},
): Promise<string> {
  return new CompactSign(encoder.encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ, ...extraHeader })
    .sign(await privateKeyOf(key));
}
