import { initialFeedState, type PinnedKeys } from '@promise-global/sdk/verify';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { entries, nodes } from '../db/schema/index.js';
import { EnrolmentError } from './enrolment-error.js';
import { issueMembership } from './membership.js';
import { holdForApproval, type PendingRow } from './pending-enrolment.js';
import { isUniqueViolation } from './unique-violation.js';

/** URLs whose descriptor is being fetched, per hub: a second concurrent enrolment is refused at once. */
const enrolling = new WeakMap<HubContext, Set<string>>();

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
  const busy = enrolling.get(ctx) ?? new Set<string>();
  enrolling.set(ctx, busy);
  if (busy.has(url)) {
    throw new EnrolmentError('NODE_ENROLMENT_IN_PROGRESS', `${url} is being enrolled already`);
  }
  busy.add(url);
  try {
    const [existing] = await ctx.db.select().from(nodes).where(eq(nodes.url, url));
    if (existing && existing.state !== 'removed') {
      throw new EnrolmentError('NODE_ALREADY_ENROLLED', `${url} is already enrolled`);
    }
    return await holdForApproval(ctx, 'enrol', url);
  } finally {
    busy.delete(url);
  }
}

/**
 * Pins an approved enrolment's keys and issues a membership statement; the caller starts the
 * backfill (a running hub's harvester). The database has the last word when two approvals race
 * (another hub process on a shared `libsql://` database): a new node's row is inserted under the
 * URL's unique index, and a removed node is brought back only while it is still `removed`, its
 * old log dropped in the same batch.
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
  const row = existing
    ? await reenrol(ctx, existing.id, { ...fields, chain, cursorSeq: 0, headSeq: 0 })
    : await insertNode(ctx, { ...fields, chain });
  await issueMembership(ctx, row, keys);
  ctx.log.info({ node: url, partnerId }, 'node enrolled');
  return row;
}

type NodeFields = typeof nodes.$inferInsert;

async function insertNode(ctx: HubContext, fields: NodeFields) {
  try {
    const [row] = await ctx.db.insert(nodes).values(fields).returning();
    if (!row) throw new Error('enrolment wrote no node row');
    return row;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Both the URL and the partner id are unique; the URL's row (if any) says which collided.
    const [sameUrl] = await ctx.db
      .select({ id: nodes.id })
      .from(nodes)
      .where(eq(nodes.url, fields.url));
    throw sameUrl
      ? new EnrolmentError('NODE_ALREADY_ENROLLED', `${fields.url} is already enrolled`)
      : new EnrolmentError('PARTNER_ID_TAKEN', `partner id ${fields.partnerId} is taken`);
  }
}

/** A removed node comes back as new: its old log goes, the removal tombstones stay. Once. */
async function reenrol(ctx: HubContext, id: number, fields: NodeFields) {
  const [updated] = await ctx.db.batch([
    ctx.db
      .update(nodes)
      .set(fields)
      .where(and(eq(nodes.id, id), eq(nodes.state, 'removed')))
      .returning(),
    // `changes()` is the UPDATE's: the old log goes only when this batch brought the node back.
    ctx.db
      .delete(entries)
      .where(and(eq(entries.nodeId, id), isNotNull(entries.seq), sql`changes() > 0`)),
  ]);
  const row = updated[0];
  if (!row) throw new EnrolmentError('NODE_ALREADY_ENROLLED', `${fields.url} is already enrolled`);
  return row;
}
