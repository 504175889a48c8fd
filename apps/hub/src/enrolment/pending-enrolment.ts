import type { PendingEnrolment } from '@promise-global/sdk/client/hub';
import { keyFingerprint } from '@promise-global/sdk/keys';
import type { PinnedKeys } from '@promise-global/sdk/verify';
import { asc, eq, lte } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { nodes, pendingEnrolments } from '../db/schema/index.js';
import { EnrolmentError } from './enrolment-error.js';
import { fetchDescriptor } from './fetch-descriptor.js';

export type PendingRow = typeof pendingEnrolments.$inferSelect;

/** What an operator is shown of a pending enrolment: every key's thumbprint and fingerprint. */
export function toPendingEnrolment(row: PendingRow): PendingEnrolment {
  const keys = row.keys as PinnedKeys;
  return {
    kind: row.kind,
    partnerId: row.partnerId,
    name: row.name,
    nodeUrl: row.url,
    country: row.country,
    fingerprint: keyFingerprint(row.signerKid),
    keys: keys.keys.map((key) => ({
      kid: key.kid,
      fingerprint: keyFingerprint(key.kid),
      status: key.status,
      signer: key.kid === row.signerKid,
    })),
    nextKid: keys.nextKid ?? null,
    createdAt: new Date(row.createdAt).toISOString(),
    expiresAt: new Date(row.expiresAt).toISOString(),
  };
}

/**
 * Fetches and verifies a node's descriptor as at first contact (§3.1) and holds it for an
 * operator: nothing is pinned, harvested or vouched for. A newer request for the same partner
 * replaces the one waiting.
 */
export async function holdForApproval(
  ctx: HubContext,
  kind: 'enrol' | 'repin',
  url: string,
  now = Date.now(),
): Promise<PendingRow> {
  const { descriptor, keys, jws, signerKid } = await fetchDescriptor(ctx, url);
  const partnerId = descriptor.partner.id;
  const [sameId] = await ctx.db.select().from(nodes).where(eq(nodes.partnerId, partnerId));
  if (sameId && sameId.url !== url && sameId.state !== 'removed') {
    throw new EnrolmentError(
      'PARTNER_ID_TAKEN',
      `partner id ${partnerId} belongs to ${sameId.url}`,
    );
  }
  const fields = {
    kind,
    url,
    name: descriptor.name,
    country: descriptor.partner.country ?? null,
    partner: descriptor.partner,
    feedUrl: descriptor.feedUrl,
    schemaVersion: descriptor.schemaVersion,
    descriptorJws: jws,
    keys,
    signerKid,
    createdAt: now,
    expiresAt: now + ctx.config.pendingEnrolmentTtlMs,
  };
  const [row] = await ctx.db
    .insert(pendingEnrolments)
    .values({ partnerId, ...fields })
    .onConflictDoUpdate({ target: pendingEnrolments.partnerId, set: fields })
    .returning();
  if (!row) throw new Error('enrolment wrote no pending row');
  ctx.log.info(
    { node: url, partnerId, kind, fingerprint: keyFingerprint(signerKid) },
    'enrolment waiting for an operator to confirm the fingerprint',
  );
  return row;
}

/** The pending enrolments and re-pins, oldest first; expired ones are dropped first. */
export async function listPendingEnrolments(
  ctx: HubContext,
  now = Date.now(),
): Promise<PendingRow[]> {
  await ctx.db.delete(pendingEnrolments).where(lte(pendingEnrolments.expiresAt, now));
  return ctx.db.select().from(pendingEnrolments).orderBy(asc(pendingEnrolments.createdAt));
}

/** The pending row for a partner, refusing a missing or expired one (an expired one is dropped). */
export async function takePending(
  ctx: HubContext,
  partnerId: string,
  now = Date.now(),
): Promise<PendingRow> {
  const [row] = await ctx.db
    .select()
    .from(pendingEnrolments)
    .where(eq(pendingEnrolments.partnerId, partnerId));
  if (!row) {
    throw new EnrolmentError('ENROLMENT_NOT_PENDING', `nothing of ${partnerId} awaits approval`);
  }
  if (row.expiresAt <= now) {
    await ctx.db.delete(pendingEnrolments).where(eq(pendingEnrolments.partnerId, partnerId));
    throw new EnrolmentError(
      'ENROLMENT_EXPIRED',
      `the ${row.kind} of ${partnerId} expired at ${new Date(row.expiresAt).toISOString()}; start it again`,
    );
  }
  return row;
}
