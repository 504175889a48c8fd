import type { FeedState, PinnedKeys } from '@promise-global/sdk/verify';
import { verifyDescriptor } from '@promise-global/sdk/verify';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { nodes } from '../db/schema/index.js';
import { fetchNodeJwt } from '../harvest/fetch-json.js';
import { EnrolmentError } from './enrolment-error.js';
import { issueMembership } from './membership.js';
import { holdForApproval, type PendingRow } from './pending-enrolment.js';
import { removeNodeFromIndex } from './remove-node.js';

type NodeRow = typeof nodes.$inferSelect;

export async function findNode(ctx: HubContext, partnerId: string): Promise<NodeRow> {
  const [row] = await ctx.db.select().from(nodes).where(eq(nodes.partnerId, partnerId));
  if (!row) throw new EnrolmentError('NODE_NOT_FOUND', `no node with partner id ${partnerId}`);
  return row;
}

/** Replaces only the pinned keys inside the stored chain state, never its position (seq, hash). */
function withKeys(keys: PinnedKeys) {
  return sql`json_set(${nodes.chain}, '$.keys', json(${JSON.stringify(keys)}))`;
}

async function update(
  ctx: HubContext,
  id: number,
  set: Partial<{ [K in keyof NodeRow]: NodeRow[K] | SQL }>,
): Promise<NodeRow> {
  const [row] = await ctx.db.update(nodes).set(set).where(eq(nodes.id, id)).returning();
  if (!row) throw new EnrolmentError('NODE_NOT_FOUND', `node ${id} vanished`);
  return row;
}

/** Stops harvesting a node; its records stay searchable until it is removed. */
export async function suspendNode(ctx: HubContext, partnerId: string): Promise<NodeRow> {
  const node = await findNode(ctx, partnerId);
  if (node.state === 'removed')
    throw new EnrolmentError('NODE_NOT_FOUND', `${partnerId} was removed`);
  return update(ctx, node.id, { state: 'suspended' });
}

/** Makes a suspended node due again from its cursor (the caller asks the harvester to sync it). */
export async function reinstateNode(ctx: HubContext, partnerId: string): Promise<NodeRow> {
  const node = await findNode(ctx, partnerId);
  if (node.state !== 'suspended') return node;
  return update(ctx, node.id, { state: 'active', nextAttemptAt: 0, circuitOpenUntil: 0 });
}

/** Removes a node: its records leave the index, removal tombstones enter the hub's feed. */
export async function removeNode(ctx: HubContext, partnerId: string): Promise<NodeRow> {
  const node = await findNode(ctx, partnerId);
  if (node.state === 'removed') return node;
  await removeNodeFromIndex(ctx.db, node.id);
  return update(ctx, node.id, { state: 'removed', removedAt: Date.now() });
}

/**
 * Operator re-pin (docs/protocol.md §9.5), first step: the node's current descriptor is verified as
 * at first contact (§3.1) and held for approval; the old pins stay in force meanwhile.
 */
export async function repinNode(ctx: HubContext, partnerId: string) {
  const node = await findNode(ctx, partnerId);
  if (node.state === 'removed')
    throw new EnrolmentError('NODE_NOT_FOUND', `${partnerId} was removed`);
  return holdForApproval(ctx, 'repin', node.url);
}

/**
 * An approved re-pin: the node's pinned state is replaced outright by the held descriptor's keys.
 * Earlier keys are not kept, not even as retired: a key that had to be abandoned must not sign
 * anything new. The chain position (seq, hash) stays.
 */
export async function applyRepin(ctx: HubContext, pending: PendingRow): Promise<NodeRow> {
  const node = await findNode(ctx, pending.partnerId);
  const keys = pending.keys as PinnedKeys;
  const row = await update(ctx, node.id, {
    chain: withKeys(keys),
    descriptorJws: pending.descriptorJws,
    health: 'pending',
    withheldSince: null,
    consecutiveFailures: 0,
    nextAttemptAt: 0,
    circuitOpenUntil: 0,
  });
  await issueMembership(ctx, row, keys);
  ctx.log.info({ node: row.url, partnerId: row.partnerId }, 'node re-pinned');
  return row;
}

/**
 * Re-reads a node's descriptor and applies it under the rotation rules (§9.2): accepted changes
 * update the pins and re-issue the membership statement. A refused one changes nothing: the pinned
 * keys stay, and the caller's sync fails and retries on the normal backoff (anyone in the path can
 * serve a bad descriptor, so it is no evidence against the node). Returns whether the keys changed.
 */
export async function refreshDescriptor(ctx: HubContext, node: NodeRow): Promise<boolean> {
  const chain = node.chain as FeedState;
  const limits = { ...ctx.config.harvest.timeouts, maxBytes: 64 * 1024 };
  const jws = await fetchNodeJwt(`${node.url}/.well-known/promise-node`, limits, ctx.policy);
  if (jws === node.descriptorJws) return false;
  const { keys, rotated } = await verifyDescriptor(jws, { url: node.url, keys: chain.keys });
  const row = await update(ctx, node.id, { chain: withKeys(keys), descriptorJws: jws });
  await issueMembership(ctx, row, keys);
  return rotated;
}
