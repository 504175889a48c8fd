import { createHash } from 'node:crypto';

/**
 * The hash that chains records (§5.1): base64url(SHA-256(the ASCII bytes of the compact JWS)).
 * The next record's `prev` carries it; a head's `hash` carries the latest one.
 *
 * @example
 * const prev = recordHash(previousRecordJws);
 */
export function recordHash(jws: string): string {
  return createHash('sha256').update(jws, 'latin1').digest('base64url');
}
