import type { FeedState, PinnedKeys } from '@promise-global/sdk/verify';
import { and, eq } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { nodes, relayedNodes, upstreams } from '../db/schema/index.js';
import { mergeKeys } from './relay-statements.js';
import { UpstreamMemberships } from './upstream-memberships.js';

/**
 * A relayed node's keys and how long this hub may vouch for them, from its upstream's current
 * membership statement (fetched and verified now; its keys merged into the node's pins as a page
 * would merge them). `undefined` when the upstream no longer vouches for the node or is
 * suspended: then this hub's own statement lapses too.
 */
export async function renewRelayedKeys(
  ctx: HubContext,
  node: { id: number; url: string; enrolledAt: number; chain: unknown },
): Promise<{ keys: PinnedKeys; notAfter: number } | undefined> {
  const [link] = await ctx.db
    .select({ upstream: upstreams, membershipJws: relayedNodes.membershipJws })
    .from(relayedNodes)
    .innerJoin(upstreams, eq(upstreams.id, relayedNodes.upstreamId))
    .where(and(eq(relayedNodes.nodeId, node.id), eq(relayedNodes.enrolledAt, node.enrolledAt)));
  if (link?.upstream.state !== 'active') return undefined;
  const { harvest } = ctx.config;
  const statements = new UpstreamMemberships(
    { url: link.upstream.url, keys: link.upstream.keys as PinnedKeys },
    { ...harvest.timeouts, maxBytes: harvest.maxResponseBytes },
    ctx.policy,
  );
  const membership = await statements.get(node.url);
  if (!membership) return undefined;
  const chain = node.chain as FeedState;
  const keys = mergeKeys(chain.keys, membership.keys);
  await ctx.db.batch([
    ctx.db
      .update(nodes)
      .set({ chain: { ...chain, keys } })
      .where(eq(nodes.id, node.id)),
    ctx.db
      .update(relayedNodes)
      .set({ membershipJws: membership.jws })
      .where(eq(relayedNodes.nodeId, node.id)),
  ]);
  return { keys, notAfter: membership.expiresAt };
}
