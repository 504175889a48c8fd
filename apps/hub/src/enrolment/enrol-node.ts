import { initialFeedState, type PinnedKeys } from '@promise-global/sdk/verify';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { entries, nodes } from '../db/schema/index.js';
import { EnrolmentError } from './enrolment-error.js';
import { issueMembership } from './membership.js';
import { holdForApproval, type PendingRow } from './pending-enrolment.js';

/** A node URL as the protocol identifies it: http(s), no query or fragment, no trailing slash. */
export function normaliseNodeUrl(input: string): string {
  if (!URL.canParse(input)) throw new EnrolmentError('NODE_URL_INVALID', `${input} is not a URL`);
  const url = new URL(input);
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.search ||
    url.hash ||
    url.username
  ) {
    throw new EnrolmentError('NODE_URL_INVALID', `${input} must be a plain http(s) URL`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * An operator starts enrolling a node by URL (docs/protocol.md §3.1): the hub fetches the node's
 * descriptor (through the SSRF guard), verifies it as at first contact and holds it pending, with
 * its keys' fingerprints, until an operator approves it (`approveEnrolment`).
 */
export async function enrolNode(ctx: HubContext, input: string): Promise<PendingRow> {
  const url = normaliseNodeUrl(input);
  const [existing] = await ctx.db.select().from(nodes).where(eq(nodes.url, url));
  if (existing && existing.state !== 'removed') {
    throw new EnrolmentError('NODE_ALREADY_ENROLLED', `${url} is already enrolled`);
  }
  return holdForApproval(ctx, 'enrol', url);
}

/**
 * Pins an approved enrolment's keys and issues a membership statement; the caller starts the
 * backfill (a running hub's harvester). Re-enrolling a removed node starts it afresh from its
 * pinned position.
 */
export async function pinEnrolment(
  ctx: HubContext,
  pending: PendingRow,
): Promise<typeof nodes.$inferSelect> {
  const { url, partnerId } = pending;
  const keys = pending.keys as PinnedKeys;
  const [existing] = await ctx.db.select().from(nodes).where(eq(nodes.url, url));
  if (existing && existing.state !== 'removed') {
    throw new EnrolmentError('NODE_ALREADY_ENROLLED', `${url} is already enrolled`);
  }
  const [sameId] = await ctx.db.select().from(nodes).where(eq(nodes.partnerId, partnerId));
  if (sameId && sameId.url !== url) {
    throw new EnrolmentError(
      'PARTNER_ID_TAKEN',
      `partner id ${partnerId} belongs to ${sameId.url}`,
    );
  }
  const fields = {
    url,
    partnerId,
    name: pending.name,
    country: pending.country,
    partner: pending.partner,
    feedUrl: pending.feedUrl,
    schemaVersion: pending.schemaVersion,
    state: 'active' as const,
    health: 'pending' as const,
    descriptorJws: pending.descriptorJws,
    enrolledAt: Date.now(),
    removedAt: null,
    withheldSince: null,
    consecutiveFailures: 0,
    nextAttemptAt: 0,
    circuitOpenUntil: 0,
  };
  const chain = initialFeedState({ iss: url, partnerId, keys });
  if (existing) {
    // A removed node comes back as new: its old log goes, the removal tombstones stay.
    await ctx.db
      .delete(entries)
      .where(and(eq(entries.nodeId, existing.id), isNotNull(entries.seq)));
  }
  const [row] = existing
    ? await ctx.db
        .update(nodes)
        .set({ ...fields, chain, cursorSeq: 0, headSeq: 0 })
        .where(eq(nodes.id, existing.id))
        .returning()
    : await ctx.db
        .insert(nodes)
        .values({ ...fields, chain })
        .returning();
  if (!row) throw new Error('enrolment wrote no node row');
  await issueMembership(ctx, row, keys);
  ctx.log.info({ node: url, partnerId }, 'node enrolled');
  return row;
}
