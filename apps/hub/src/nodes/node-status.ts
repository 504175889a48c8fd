import type { NodeHealth, NodeStatus, Project52PieceNotice } from '@promise-global/sdk/client/hub';
import type { FeedState } from '@promise-global/sdk/verify';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { HubDatabase } from '../db/database.js';
import { nodes, relayedNodes, upstreams } from '../db/schema/index.js';
import { syncFacts } from '../harvest/sync-health.js';

type NodeRow = typeof nodes.$inferSelect;
/** The upstream hub a relayed node comes through (docs/protocol.md §14.5). */
export type RelayingUpstream = typeof upstreams.$inferSelect;

/**
 * The health the portal shows: suspension and removal win over harvesting health. A relayed node
 * is never polled here: its freshness is that of the upstream hub it comes through.
 */
export function effectiveHealth(
  row: NodeRow,
  upstream: RelayingUpstream | null = null,
): NodeHealth {
  if (row.state !== 'active') return 'suspended';
  if (upstream) return upstream.state === 'active' ? upstream.health : 'suspended';
  return row.health;
}

/** The upstream hubs relaying nodes, by node id (links of the nodes' current enrolments only). */
export async function relayingUpstreams(db: HubDatabase): Promise<Map<number, RelayingUpstream>> {
  const rows = await db
    .select({ nodeId: relayedNodes.nodeId, upstream: upstreams })
    .from(relayedNodes)
    .innerJoin(
      nodes,
      and(eq(nodes.id, relayedNodes.nodeId), eq(nodes.enrolledAt, relayedNodes.enrolledAt)),
    )
    .innerJoin(upstreams, eq(upstreams.id, relayedNodes.upstreamId));
  return new Map(rows.map((row) => [row.nodeId, row.upstream]));
}

/** A node's public status (DESIGN.md property 8); a relayed node's sync facts are its upstream's. */
export function toNodeStatus(
  row: NodeRow,
  upstream: RelayingUpstream | null = null,
  now = Date.now(),
): NodeStatus {
  return {
    partnerId: row.partnerId,
    name: row.name,
    nodeUrl: row.url,
    country: row.country,
    state: row.state,
    health: effectiveHealth(row, upstream),
    cursorSeq: row.cursorSeq,
    headSeq: row.headSeq,
    lag: Math.max(0, row.headSeq - row.cursorSeq),
    // A relayed node's sync facts are its upstream's.
    ...syncFacts(upstream ?? row, now),
    pinnedKids: (row.chain as FeedState).keys.keys
      .filter((key) => key.status === 'active')
      .map((key) => key.kid),
    via: upstream ? { url: upstream.url } : null,
  };
}

/** One node's public status, with the upstream it comes through when it is relayed. */
export async function nodeStatusOf(db: HubDatabase, row: NodeRow): Promise<NodeStatus> {
  const [link] = await db
    .select({ upstream: upstreams })
    .from(relayedNodes)
    .innerJoin(upstreams, eq(upstreams.id, relayedNodes.upstreamId))
    .where(and(eq(relayedNodes.nodeId, row.id), eq(relayedNodes.enrolledAt, row.enrolledAt)));
  return toNodeStatus(row, link?.upstream ?? null);
}

/**
 * Every enrolled node's public status (removed nodes excluded), by partner id; with Project 52,
 * each carries its pieces' standing (an editor's note shows on the node's staff dashboard).
 */
export async function listNodeStatuses(
  db: HubDatabase,
  project52?: Map<string, Project52PieceNotice[]>,
): Promise<NodeStatus[]> {
  const [rows, relays] = await Promise.all([
    db.select().from(nodes).where(ne(nodes.state, 'removed')).orderBy(asc(nodes.partnerId)),
    relayingUpstreams(db),
  ]);
  return rows.map((row) => {
    const status = toNodeStatus(row, relays.get(row.id) ?? null);
    return project52 ? { ...status, project52: project52.get(row.partnerId) ?? [] } : status;
  });
}
