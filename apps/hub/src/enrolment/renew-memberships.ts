import type { FeedState } from '@promise-global/sdk/verify';
import { and, eq, lt } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { memberships, nodes } from '../db/schema/index.js';
import { describeFailure } from '../harvest/failure.js';
import { isRelayed } from '../upstream/relayed.js';
import { renewRelayedKeys } from '../upstream/renew-relayed.js';
import { issueMembership } from './membership.js';
import { refreshDescriptor } from './node-admin.js';

/**
 * Renews the membership statements of active nodes that expire within `renewBeforeSeconds`,
 * re-reading first each directly enrolled node's descriptor, or a relayed node's statement at its
 * upstream (which also caps the renewal), so rotations and revocations are applied. Returns how
 * many were renewed.
 */
export async function renewMemberships(ctx: HubContext, now = Date.now()): Promise<number> {
  const threshold = now + ctx.config.membership.renewBeforeSeconds * 1000;
  const due = await ctx.db
    .select({ node: nodes })
    .from(nodes)
    .innerJoin(memberships, eq(memberships.nodeId, nodes.id))
    .where(and(eq(nodes.state, 'active'), lt(memberships.expiresAt, threshold)));
  let renewed = 0;
  for (const { node } of due) {
    // A relayed node's keys come from its upstream hub's statements, never from the node itself.
    const relayed = await isRelayed(ctx.db, node);
    let fromUpstream: Awaited<ReturnType<typeof renewRelayedKeys>>;
    try {
      if (relayed) fromUpstream = await renewRelayedKeys(ctx, node);
      else await refreshDescriptor(ctx, node);
    } catch (error) {
      ctx.log.warn(
        { node: node.url, ...describeFailure(error) },
        relayed
          ? 'upstream membership refresh failed; trying again next time'
          : 'descriptor refresh failed; renewing with pinned keys',
      );
    }
    if (relayed && !fromUpstream) continue;
    const [current] = await ctx.db.select().from(nodes).where(eq(nodes.id, node.id));
    if (!current || current.health === 'needs-attention') continue;
    const keys = fromUpstream?.keys ?? (current.chain as FeedState).keys;
    await issueMembership(ctx, current, keys, fromUpstream?.notAfter);
    renewed++;
  }
  return renewed;
}
