import { ProtocolError } from '../errors.js';
import { LIMITS, numericDate } from '../limits.js';
import { checkHeader, parseClaims, splitCompact } from './compact.js';
import { checkSignature, findPinnedKey, type PinnedKey, type PinnedKeys } from './pinned-keys.js';
import { checkTimes } from './times.js';

/** Options shared by the verifiers of heads, descriptors, memberships and pings. */
export interface VerifyTimeOptions {
  /** The verifier's clock; defaults to now. */
  now?: Date;
}

interface TokenRule {
  typ: string;
  what: string;
  maxLifetime: number;
  now: Date | undefined;
}

/** A verified control message: its claims (unparsed by schema yet) and the key that signed it. */
export interface VerifiedToken {
  claims: Record<string, unknown>;
  key: PinnedKey;
}

/** Control messages must be signed by an active, unrevoked key (§9.1). */
export function checkControlKey(key: PinnedKey, what: string): void {
  if (key.revokedFromSeq !== undefined)
    throw new ProtocolError('KEY_REVOKED', `${what} is signed with a revoked key`);
  if (key.status !== 'active')
    throw new ProtocolError('KEY_RETIRED', `${what} is signed with a retired key`);
}

/** §10: the shared steps for a control message (head, descriptor, membership, ping). */
export async function verifyToken(
  jws: unknown,
  keys: PinnedKeys | ((claims: Record<string, unknown>) => PinnedKeys | Promise<PinnedKeys>),
  rule: TokenRule,
): Promise<VerifiedToken> {
  const parts = splitCompact(jws, LIMITS.maxTokenBytes, rule.what);
  const kid = checkHeader(parts.header, rule.typ, rule.what);
  // Resolving keys from unverified claims only selects whose pins apply; nothing else is trusted yet.
  const pinned =
    typeof keys === 'function' ? await keys(parseClaims(parts.payloadBytes, rule.what)) : keys;
  const key = findPinnedKey(pinned, kid, rule.what);
  checkControlKey(key, rule.what);
  await checkSignature(key, parts.signingInput, parts.signature, rule.what);
  const claims = parseClaims(parts.payloadBytes, rule.what);
  checkTimes(claims, rule.what, { now: numericDate(rule.now), maxLifetime: rule.maxLifetime });
  return { claims, key };
}
