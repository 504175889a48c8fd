import { createHmac, createPrivateKey, sign } from 'node:crypto';
import type { SigningKey } from '../../src/keys/index.js';

/** How a hand-built JWS is signed: by a key, by HMAC with a secret, or not at all. */
export type RawSigner = SigningKey | { hmac: Buffer } | 'none' | { signature: string };

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/**
 * Builds a compact JWS from an exact header and payload text, so vectors can carry headers and
 * claims the SDK's signers refuse to produce. Ed25519 is deterministic, so the output is too.
 */
export function rawJws(
  header: Record<string, unknown> | string,
  payload: string | object,
  signer: RawSigner,
): string {
  const payloadText = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headerText = typeof header === 'string' ? header : JSON.stringify(header);
  const signingInput = `${b64(headerText)}.${b64(payloadText)}`;
  if (signer === 'none') return `${signingInput}.`;
  if ('signature' in signer) return `${signingInput}.${signer.signature}`;
  if ('hmac' in signer) {
    return `${signingInput}.${createHmac('sha256', signer.hmac).update(signingInput).digest('base64url')}`;
  }
  const privateKey = createPrivateKey({ key: { ...signer.privateJwk }, format: 'jwk' });
  return `${signingInput}.${sign(null, Buffer.from(signingInput), privateKey).toString('base64url')}`;
}

/** The decoded claims of a compact JWS (no verification: the generator signed it). */
export function claimsOf(jws: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
}
