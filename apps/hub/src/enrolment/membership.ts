import { MAX_RETIRED_KEYS } from '@promise-global/schema';
import { numericDate } from '@promise-global/sdk';
import { signMembership } from '@promise-global/sdk/sign';
import type { PinnedKeys } from '@promise-global/sdk/verify';
import type { HubContext } from '../context.js';
import { memberships } from '../db/schema/index.js';

/**
 * Signs and stores a fresh membership statement for a node (docs/protocol.md §3.2), valid for the
 * configured lifetime but never past `notAfter` (a relayed node: its upstream's statement's `exp`,
 * since this hub cannot vouch for longer than the hub it learned the keys from).
 */
export async function issueMembership(
  ctx: HubContext,
  node: { id: number; url: string; partnerId: string },
  keys: PinnedKeys,
  notAfter = Number.POSITIVE_INFINITY,
): Promise<string> {
  const iat = numericDate();
  const exp = Math.min(iat + ctx.config.membership.ttlSeconds, notAfter);
  const active = keys.keys.filter(
    (key) => key.status === 'active' && key.revokedFromSeq === undefined,
  );
  // Everything else the hub pinned still verifies the records it signed (before any revocation).
  const retired = keys.keys.filter((key) => !active.includes(key)).slice(0, MAX_RETIRED_KEYS);
  const jws = await signMembership(ctx.key, {
    iss: ctx.url(),
    sub: node.url,
    partnerId: node.partnerId,
    jwks: { keys: active.map((key) => key.publicJwk) },
    ...(retired.length ? { retiredJwks: { keys: retired.map((key) => key.publicJwk) } } : {}),
    revocations: keys.keys.flatMap((key) =>
      key.revokedFromSeq === undefined ? [] : [{ kid: key.kid, fromSeq: key.revokedFromSeq }],
    ),
    iat,
    exp,
  });
  await ctx.db
    .insert(memberships)
    .values({ nodeId: node.id, jws, issuedAt: iat * 1000, expiresAt: exp * 1000 })
    .onConflictDoUpdate({
      target: memberships.nodeId,
      set: { jws, issuedAt: iat * 1000, expiresAt: exp * 1000 },
    });
  return jws;
}
