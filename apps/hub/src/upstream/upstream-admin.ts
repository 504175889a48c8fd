import { PublicJwkSet } from '@promise-global/schema';
import {
  AGGREGATE_DIGEST_ALG,
  type PinnedKeys,
  pinKeys,
  verifyAggregatePage,
} from '@promise-global/sdk/verify';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { HubContext } from '../context.js';
import { nodes, relayedNodes, upstreams } from '../db/schema/index.js';
import { normaliseNodeUrl } from '../enrolment/enrol-node.js';
import { removeNodeFromIndex } from '../enrolment/remove-node.js';
import { fetchNodeJson } from '../harvest/fetch-json.js';
import { UpstreamError } from './upstream-error.js';

type UpstreamRow = typeof upstreams.$inferSelect;

const HubIdentity = z.object({ url: z.string() }).loose();

export async function findUpstream(ctx: HubContext, input: string): Promise<UpstreamRow> {
  const url = normaliseNodeUrl(input);
  const [row] = await ctx.db.select().from(upstreams).where(eq(upstreams.url, url));
  if (!row) throw new UpstreamError('UPSTREAM_NOT_FOUND', `${url} is not an upstream of this hub`);
  return row;
}

/**
 * Verifies another hub's identity (docs/protocol.md §14.1): its `/.well-known/promise-hub` names
 * the URL it was fetched for, its JWKS keys are valid Ed25519 keys with thumbprint kids, and its
 * aggregate feed's head verifies with them. Fetches go through the SSRF guard.
 */
async function fetchUpstreamIdentity(ctx: HubContext, url: string): Promise<PinnedKeys> {
  const { harvest } = ctx.config;
  const limits = { ...harvest.timeouts, maxBytes: 64 * 1024 };
  const identity = HubIdentity.safeParse(
    await fetchNodeJson(`${url}/.well-known/promise-hub`, limits, ctx.policy),
  );
  if (!identity.success || identity.data.url !== url) {
    throw new UpstreamError(
      'UPSTREAM_IDENTITY_INVALID',
      `${url} does not describe itself as ${url}`,
    );
  }
  const jwks = PublicJwkSet.safeParse(
    await fetchNodeJson(`${url}/.well-known/jwks.json`, limits, ctx.policy),
  );
  if (!jwks.success) throw new UpstreamError('UPSTREAM_IDENTITY_INVALID', `${url} JWKS is invalid`);
  const keys = await pinKeys(jwks.data);
  const probe = await fetchNodeJson(
    `${url}/hub/feed?after=0&limit=1&digest=${AGGREGATE_DIGEST_ALG}`,
    {
      ...limits,
      maxBytes: harvest.maxResponseBytes,
    },
    ctx.policy,
  );
  await verifyAggregatePage(probe, {
    keys,
    iss: url,
    after: 0,
    headIat: 0,
    limit: 1,
    acceptLegacyDigest: harvest.acceptLegacyDigest,
  });
  return keys;
}

/**
 * An operator adds another hub as an upstream (hub chaining, DESIGN.md property 10): its identity
 * is verified and its keys pinned; the caller starts the harvest of its aggregate feed.
 */
export async function addUpstream(ctx: HubContext, input: string): Promise<UpstreamRow> {
  const url = normaliseNodeUrl(input);
  if (url === ctx.url()) throw new UpstreamError('UPSTREAM_IS_SELF', 'a hub cannot consume itself');
  const [existing] = await ctx.db.select().from(upstreams).where(eq(upstreams.url, url));
  if (existing) throw new UpstreamError('UPSTREAM_ALREADY_ADDED', `${url} is already an upstream`);
  const keys = await fetchUpstreamIdentity(ctx, url);
  const [row] = await ctx.db
    .insert(upstreams)
    .values({ url, keys, skipped: {}, addedAt: Date.now() })
    .returning();
  if (!row) throw new Error('adding an upstream wrote no row');
  ctx.log.info({ upstream: url }, 'upstream hub added');
  return row;
}

async function setState(ctx: HubContext, input: string, state: UpstreamRow['state']) {
  const upstream = await findUpstream(ctx, input);
  const [row] = await ctx.db
    .update(upstreams)
    .set(state === 'active' ? { state, nextAttemptAt: 0, circuitOpenUntil: 0 } : { state })
    .where(eq(upstreams.id, upstream.id))
    .returning();
  if (!row) throw new UpstreamError('UPSTREAM_NOT_FOUND', `${upstream.url} vanished`);
  return row;
}

/** Stops harvesting an upstream; what it relayed stays searchable. */
export const suspendUpstream = (ctx: HubContext, url: string) => setState(ctx, url, 'suspended');

/** Makes a suspended upstream due again from its cursor (the caller asks for the sync). */
export const reinstateUpstream = (ctx: HubContext, url: string) => setState(ctx, url, 'active');

/**
 * Removes an upstream: every node it relayed is removed like a removed node (out of the index,
 * removal tombstones in this hub's feed), then the upstream is forgotten.
 */
export async function removeUpstream(ctx: HubContext, input: string): Promise<UpstreamRow> {
  const upstream = await findUpstream(ctx, input);
  const relayed = await ctx.db
    .select({ id: nodes.id })
    .from(relayedNodes)
    .innerJoin(
      nodes,
      and(eq(nodes.id, relayedNodes.nodeId), eq(nodes.enrolledAt, relayedNodes.enrolledAt)),
    )
    .where(and(eq(relayedNodes.upstreamId, upstream.id), ne(nodes.state, 'removed')));
  for (const node of relayed) {
    await removeNodeFromIndex(ctx.db, node.id);
    await ctx.db
      .update(nodes)
      .set({ state: 'removed', removedAt: Date.now() })
      .where(eq(nodes.id, node.id));
  }
  await ctx.db.delete(relayedNodes).where(eq(relayedNodes.upstreamId, upstream.id));
  await ctx.db.delete(upstreams).where(eq(upstreams.id, upstream.id));
  ctx.log.info({ upstream: upstream.url, nodes: relayed.length }, 'upstream hub removed');
  return upstream;
}
