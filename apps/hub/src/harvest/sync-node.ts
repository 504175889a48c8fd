import { isProtocolError } from '@promise-global/sdk';
import { type FeedState, verifyFeedPage } from '@promise-global/sdk/verify';
import { eq, ne } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { nodes } from '../db/schema/index.js';
import { refreshDescriptor } from '../enrolment/node-admin.js';
import { isRelayed } from '../upstream/relayed.js';
import { describeFailure, internalDetail } from './failure.js';
import { fetchNodeJson } from './fetch-json.js';
import { storeVerifiedPage } from './store-page.js';
import { storedRevisions } from './stored-revisions.js';
import { syncFailed, syncSucceeded, withholdingFacts } from './sync-health.js';

export type SyncResult =
  | { outcome: 'synced'; stored: number; cursorSeq: number; headSeq: number }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'failed'; code: string; message: string }
  /** The lane's time budget ended the sync; what it stored stays, and the harvester goes on. */
  | { outcome: 'deferred'; stored: number };

/** How a harvest lane bounds one sync: its signal ends the sync when the lane's budget is spent. */
export interface SyncBudget {
  signal: AbortSignal;
  /** An ended sync that stored nothing counts as a failure (the slow lane); otherwise it is deferred. */
  failWhenIdle: boolean;
}

/** Whether a sync ended by its budget is deferred (not a failure): it made progress or may retry. */
export function deferredByBudget(budget: SyncBudget | undefined, stored: number): boolean {
  return budget?.signal.aborted === true && (stored > 0 || !budget.failWhenIdle);
}

/**
 * Whether a failure is proven by messages the node's pinned keys signed (docs/protocol.md §7.5):
 * the node itself published two histories or went back (the SDK marks these `details.evidence`).
 * Only these wait for an operator; anything else a party in the path could cause (a bad
 * descriptor or head, a replayed record), so the hub keeps its pins and retries on the backoff.
 */
function isSignedEvidence(error: unknown): boolean {
  return isProtocolError(error) && error.details?.evidence === true;
}

async function networkKids(ctx: HubContext, nodeId: number): Promise<Map<string, string>> {
  const others = await ctx.db
    .select({ url: nodes.url, chain: nodes.chain })
    .from(nodes)
    .where(ne(nodes.id, nodeId));
  const kids = new Map<string, string>();
  for (const other of others) {
    for (const key of (other.chain as FeedState).keys.keys) kids.set(key.kid, other.url);
  }
  return kids;
}

/**
 * Pulls a node's feed from its cursor to its head, page by page: each page is fetched through the
 * guarded client, verified by the SDK's chain verifier against the pinned keys, and stored in one
 * transaction with the new cursor (docs/protocol.md §7). Failures are recorded on the node with a
 * backoff, and open its circuit after repeated failures; they never throw.
 */
export async function syncNode(
  ctx: HubContext,
  nodeId: number,
  now = Date.now(),
  budget?: SyncBudget,
): Promise<SyncResult> {
  const [node] = await ctx.db.select().from(nodes).where(eq(nodes.id, nodeId));
  if (!node) return { outcome: 'skipped', reason: 'unknown node' };
  if (node.state !== 'active') return { outcome: 'skipped', reason: node.state };
  if (await isRelayed(ctx.db, node)) return { outcome: 'skipped', reason: 'relayed' };
  if (node.health === 'needs-attention') return { outcome: 'skipped', reason: 'needs-attention' };
  if (node.circuitOpenUntil > now) return { outcome: 'skipped', reason: 'circuit open' };
  const { harvest, knownSchemaMajors } = ctx.config;
  const limits = { ...harvest.timeouts, maxBytes: harvest.maxResponseBytes };
  const pageNode = { id: node.id, partnerId: node.partnerId, country: node.country };
  let state = node.chain as FeedState;
  let headSeq = node.headSeq;
  let stored = 0;
  /** Whether the last page was empty while its head was ahead: records signed but not served. */
  let withheld = false;
  const pull = async () => {
    const kids = await networkKids(ctx, node.id);
    const revisions = storedRevisions(ctx.db, node.id);
    for (let pages = 0; pages < harvest.maxPagesPerSync; pages++) {
      const url = new URL(node.feedUrl);
      url.searchParams.set('after', String(state.seq));
      url.searchParams.set('limit', String(harvest.pageLimit));
      const body = await fetchNodeJson(url.href, limits, ctx.policy, budget?.signal);
      const page = await verifyFeedPage(state, body, {
        networkKids: kids,
        quarantineUnknownMajor: true,
        revisions,
        limit: harvest.pageLimit,
      });
      state = await storeVerifiedPage(ctx.db, pageNode, page, knownSchemaMajors);
      ctx.metrics.recordsHarvested.inc({ source: 'node' }, page.records.length);
      headSeq = page.head.seq;
      stored += page.records.length;
      withheld = page.records.length === 0 && state.seq < headSeq;
      if (page.records.length === 0 || state.seq >= headSeq) break;
    }
  };
  try {
    try {
      await pull();
    } catch (error) {
      // An unpinned kid may be a rotation the node announced in its descriptor (§9.2): apply it
      // under the rules once, then retry; a refused descriptor fails this sync, pins unchanged.
      if (!isProtocolError(error, 'UNKNOWN_KID') || !(await refreshDescriptor(ctx, node)))
        throw error;
      const [refreshed] = await ctx.db
        .select({ chain: nodes.chain })
        .from(nodes)
        .where(eq(nodes.id, node.id));
      if (!refreshed) throw error;
      state = { ...state, keys: (refreshed.chain as FeedState).keys };
      await pull();
    }
    const lag = Math.max(0, headSeq - state.seq);
    const withheldSince = withheld ? (node.withheldSince ?? now) : null;
    await ctx.db
      .update(nodes)
      .set({
        ...syncSucceeded(lag, harvest, now),
        withheldSince,
        ...withholdingFacts(withheldSince, { headSeq, cursorSeq: state.seq }, harvest, now),
      })
      .where(eq(nodes.id, node.id));
    return { outcome: 'synced', stored, cursorSeq: state.seq, headSeq };
  } catch (error) {
    if (deferredByBudget(budget, stored)) return { outcome: 'deferred', stored };
    const failure = describeFailure(error);
    const failures = node.consecutiveFailures + 1;
    const health = isSignedEvidence(error) ? 'needs-attention' : 'failing';
    ctx.log.warn(
      { node: node.url, ...failure, failures, health, ...internalDetail(error) },
      'node sync failed',
    );
    await ctx.db
      .update(nodes)
      .set(syncFailed(failure, failures, harvest, now, health))
      .where(eq(nodes.id, node.id));
    return { outcome: 'failed', ...failure };
  }
}
