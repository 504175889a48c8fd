import { ProtocolError } from '../errors.js';
import { sha256Base64url } from '../internal/sha256.js';

/**
 * The RFC 7638 SHA-256 thumbprint of an Ed25519 JWK (base64url), used as `kid` (§2.3).
 *
 * @example
 * const kid = await jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '…' });
 */
export async function jwkThumbprint(jwk: {
  kty?: string | undefined;
  crv?: string | undefined;
  x?: string | undefined;
}): Promise<string> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new ProtocolError('KEY_INVALID', 'only Ed25519 OKP keys have PROMISE thumbprints');
  }
  // RFC 7638 §3.2: the required members in lexicographic order, no whitespace.
  return sha256Base64url(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x: jwk.x }));
}
