import {
  AGGREGATE_DIGEST_ALG,
  type PinnedKeys,
  verifyAggregatePage,
} from '@promise-global/sdk/verify';
import { eq } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { upstreams } from '../db/schema/index.js';
import { issueMembership } from '../enrolment/membership.js';
import { describeFailure, internalDetail } from '../harvest/failure.js';
import { fetchNodeJson } from '../harvest/fetch-json.js';
import { syncFailed, syncSucceeded } from '../harvest/sync-health.js';
import { deferredByBudget, type SyncBudget, type SyncResult } from '../harvest/sync-node.js';
import { planRelay } from './relay-page.js';
import { UpstreamMemberships } from './upstream-memberships.js';

/**
 * Pulls an upstream hub's aggregate feed from its cursor (docs/protocol.md §14), page by page:
 * each page is fetched through the guarded client, its head, digest and every record verified,
 * and stored in one transaction with the upstream's new cursor. Failures are recorded on the
 * upstream with the same backoff and circuit breaker as nodes; they never throw.
 */
export async function syncUpstream(
  ctx: HubContext,
  upstreamId: number,
  now = Date.now(),
  budget?: SyncBudget,
): Promise<SyncResult> {
  const [upstream] = await ctx.db.select().from(upstreams).where(eq(upstreams.id, upstreamId));
  if (!upstream) return { outcome: 'skipped', reason: 'unknown upstream' };
  if (upstream.state !== 'active') return { outcome: 'skipped', reason: upstream.state };
  if (upstream.circuitOpenUntil > now) return { outcome: 'skipped', reason: 'circuit open' };
  const { harvest } = ctx.config;
  const limits = { ...harvest.timeouts, maxBytes: harvest.maxResponseBytes };
  const keys = upstream.keys as PinnedKeys;
  const memberships = new UpstreamMemberships({ url: upstream.url, keys }, limits, ctx.policy);
  let cursor = upstream.cursorSeq;
  let headIat = upstream.headIat;
  let skipped = upstream.skipped;
  let stored = 0;
  let full = false;
  try {
    for (let pages = 0; pages < harvest.maxPagesPerSync; pages++) {
      const url = new URL(`${upstream.url}/hub/feed`);
      url.searchParams.set('after', String(cursor));
      url.searchParams.set('limit', String(harvest.pageLimit));
      url.searchParams.set('digest', AGGREGATE_DIGEST_ALG);
      const body = await fetchNodeJson(url.href, limits, ctx.policy, budget?.signal);
      const page = await verifyAggregatePage(body, {
        keys,
        iss: upstream.url,
        after: cursor,
        headIat,
        limit: harvest.pageLimit,
        acceptLegacyDigest: harvest.acceptLegacyDigest,
      });
      const plan = await planRelay(ctx, upstream, page, memberships, skipped);
      await ctx.db.$client.batch(
        [
          ...plan.statements,
          {
            sql: 'UPDATE upstreams SET cursor_seq = ?, head_iat = ?, skipped = ? WHERE id = ?',
            args: [page.head.seq, page.head.iat, JSON.stringify(plan.skipped), upstream.id],
          },
        ],
        'write',
      );
      for (const { node, keys: nodeKeys, notAfter } of plan.memberships)
        await issueMembership(ctx, node, nodeKeys, notAfter);
      ctx.metrics.recordsHarvested.inc({ source: 'upstream' }, plan.stored);
      cursor = page.head.seq;
      headIat = page.head.iat;
      skipped = plan.skipped;
      stored += plan.stored;
      full = page.items.length >= harvest.pageLimit;
      if (!full) break;
    }
    const lag = full ? harvest.laggingThreshold : 0;
    await ctx.db
      .update(upstreams)
      .set(syncSucceeded(lag, harvest, now))
      .where(eq(upstreams.id, upstream.id));
    return { outcome: 'synced', stored, cursorSeq: cursor, headSeq: cursor };
  } catch (error) {
    if (deferredByBudget(budget, stored)) return { outcome: 'deferred', stored };
    const failure = describeFailure(error);
    const failures = upstream.consecutiveFailures + 1;
    ctx.log.warn(
      { upstream: upstream.url, ...failure, failures, ...internalDetail(error) },
      'upstream sync failed',
    );
    await ctx.db
      .update(upstreams)
      .set(syncFailed(failure, failures, harvest, now))
      .where(eq(upstreams.id, upstream.id));
    return { outcome: 'failed', ...failure };
  }
}
