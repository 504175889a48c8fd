import { ProtocolError } from '@promise-global/sdk';
import type { FeedState, PinnedKeys, ReplayGuard } from '@promise-global/sdk/verify';
import { verifyPing } from '@promise-global/sdk/verify';
import { and, eq, lt } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { HubContext } from '../context.js';
import { countEvent } from '../db/counters.js';
import { nodes, seenPings } from '../db/schema/index.js';
import { describeFailure } from '../harvest/failure.js';
import { MAX_PING_BYTES } from '../http/body-limits.js';

function replayGuard(ctx: HubContext, nodeId: () => number): ReplayGuard {
  return {
    async has(jti) {
      const [row] = await ctx.db.select().from(seenPings).where(eq(seenPings.jti, jti));
      return row !== undefined;
    },
    async add(jti, exp) {
      await ctx.db
        .insert(seenPings)
        .values({ jti, nodeId: nodeId(), expiresAt: exp * 1000 })
        .onConflictDoNothing();
    },
  };
}

/**
 * `POST /ping` (docs/protocol.md §8): a valid ping from an active member triggers an immediate
 * sync of that node; an invalid, replayed or unknown one is ignored and counted. Each client
 * address has a ping budget (`limits.pingsPerClient`): over it the hub answers 429 with
 * `Retry-After`. A flood of valid pings costs at most one sync in flight plus one queued per node
 * (the harvester coalesces).
 */
export function mountPing(app: Hono, ctx: HubContext): void {
  const rateLimited = rateLimitedLog(ctx);
  app.post('/ping', async (c) => {
    // Before reading the body: a refused ping costs no verification and no database write.
    const decision = ctx.limits.pings.take(ctx.limits.clientOf(c));
    if (!decision.allowed) {
      ctx.limits.rateLimitedPings.add();
      ctx.metrics.pings.inc({ outcome: 'refused', code: 'RATE_LIMITED' });
      rateLimited(decision.retryAfterSeconds);
      c.header('retry-after', String(decision.retryAfterSeconds));
      return c.json({ status: 'ignored', code: 'RATE_LIMITED' }, 429);
    }
    const body = await c.req.text();
    let nodeId = 0;
    let nodeUrl: string | undefined;
    try {
      if (body.length > MAX_PING_BYTES)
        throw new ProtocolError('TOO_LARGE', 'a ping is at most 16 KiB');
      const ping = await verifyPing(body.trim(), {
        aud: ctx.url(),
        keys: async (iss): Promise<PinnedKeys | undefined> => {
          const [node] = await ctx.db
            .select({ id: nodes.id, chain: nodes.chain })
            .from(nodes)
            .where(and(eq(nodes.url, iss), eq(nodes.state, 'active')));
          if (!node) return undefined;
          nodeId = node.id;
          nodeUrl = iss;
          return (node.chain as FeedState).keys;
        },
        replay: replayGuard(ctx, () => nodeId),
      });
      await countEvent(ctx.db, 'ping.accepted');
      ctx.metrics.pings.inc({ outcome: 'accepted', code: '' });
      void ctx.harvester.sync(nodeId);
      await ctx.db.delete(seenPings).where(lt(seenPings.expiresAt, Date.now() - 60_000));
      return c.json({ status: 'accepted', seq: ping.seq }, 202);
    } catch (error) {
      const { code, message } = describeFailure(error);
      ctx.metrics.pings.inc({ outcome: 'refused', code });
      // Who sent it is known only for a member's key; anything else in a refused ping is unproven.
      ctx.log.info({ code, reason: message.slice(0, 200), node: nodeUrl }, 'ping refused');
      if (code === 'UNKNOWN_KID' && nodeId !== 0) {
        // A member that rotated its key (§9) pings with the new key before the hub has seen it.
        // The ping proves nothing, but a sync is safe: it re-reads the descriptor, accepts the
        // new key only under the rotation rules and verifies every record (syncs are coalesced).
        await countEvent(ctx.db, 'ping.unknown_kid');
        void ctx.harvester.sync(nodeId);
        return c.json({ status: 'ignored', code, sync: 'requested' }, 400);
      }
      const counter =
        code === 'PING_REPLAYED'
          ? 'ping.replayed'
          : code === 'ISSUER_UNKNOWN'
            ? 'ping.unknown'
            : 'ping.invalid';
      await countEvent(ctx.db, counter);
      return c.json({ status: 'ignored', code }, 400);
    }
  });
}

/**
 * Logs pings refused for the rate limit at most once per `everyMs`, with how many were refused
 * since: a flood must not turn into as many log lines (the metrics count every one).
 */
function rateLimitedLog(ctx: HubContext, everyMs = 10_000) {
  let loggedAt = Number.NEGATIVE_INFINITY;
  let refused = 0;
  return (retryAfterSeconds: number) => {
    refused++;
    const now = Date.now();
    if (now - loggedAt < everyMs) return;
    ctx.log.info(
      { code: 'RATE_LIMITED', refused, retryAfterSeconds },
      'ping refused: over the ping limit for its client address',
    );
    loggedAt = now;
    refused = 0;
  };
}
