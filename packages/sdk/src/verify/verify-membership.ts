import { JWS_TYP, MembershipStatement } from '@promise-global/schema';
import { ProtocolError } from '../errors.js';
import { parseClaimsWith } from '../internal/claims.js';
import { LIMITS } from '../limits.js';
import { type PinnedKeys, pinKeys } from './pinned-keys.js';
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

/**
 * The node keys a verified membership statement vouches for, as pins (§3.2): active, retired and
 * revoked as the hub pinned them. Verify a node's records against these when they reach you
 * through the hub (its aggregate feed) rather than from the node.
 *
 * @example
 * const keys = await membershipKeys(await verifyMembership(jws, { hubKeys, hub: hubUrl }));
 */
export function membershipKeys(statement: MembershipStatement): Promise<PinnedKeys> {
  return pinKeys(statement.jwks, {
    revocations: statement.revocations,
    ...(statement.retiredJwks ? { retired: statement.retiredJwks } : {}),
  });
}
