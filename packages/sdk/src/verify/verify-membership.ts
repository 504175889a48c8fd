import { JWS_TYP, MembershipStatement } from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import { parseClaimsWith } from '../internal/claims.js';
import { LIMITS } from '../limits.js';
import type { PinnedKeys } from './pinned-keys.js';
import { type VerifyTimeOptions, verifyToken } from './verify-token.js';

/** Options of {@link verifyMembership}. */
export interface VerifyMembershipOptions extends VerifyTimeOptions {
  /** The hub's pinned keys (the trust anchor, §3). */
  hubKeys: PinnedKeys;
  /** The hub's URL, which must be the statement's `iss`. */
  hub: string;
  /** The node URL the statement should be about, if known. */
  sub?: string;
}

/**
 * Verifies a hub's membership statement about a node (§3.2): signed by a pinned hub key, typed,
 * unexpired, issued by `hub` about `sub`.
 *
 * @example
 * const member = await verifyMembership(jws, { hubKeys, hub: hubUrl, sub: nodeUrl });
 */
export async function verifyMembership(
  jws: unknown,
  options: VerifyMembershipOptions,
): Promise<MembershipStatement> {
  const { claims } = await verifyToken(jws, options.hubKeys, {
    typ: JWS_TYP.membership,
    what: 'membership statement',
    maxLifetime: LIMITS.maxLifetimeSeconds.membership,
    now: options.now,
  });
  const statement = parseClaimsWith(MembershipStatement, claims, 'membership statement');
  if (statement.iss !== options.hub) {
    throw new ProtocolError(
      'ISS_MISMATCH',
      `membership iss ${statement.iss} is not ${options.hub}`,
    );
  }
  if (options.sub !== undefined && statement.sub !== options.sub) {
    throw new ProtocolError(
      'SUB_MISMATCH',
      `membership is about ${statement.sub}, not ${options.sub}`,
    );
  }
  return statement;
}
