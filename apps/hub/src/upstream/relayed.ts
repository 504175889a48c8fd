import { and, eq, not, sql } from 'drizzle-orm';
import type { HubDatabase } from '../db/database.js';
import { nodes, relayedNodes } from '../db/schema/index.js';

/**
 * SQL condition on `nodes`: the row is not a relayed node. Relayed nodes are written by their
 * upstream hub's harvest and never polled directly (docs/protocol.md §14.4).
 */
export const notRelayed = not(
  sql`EXISTS (SELECT 1 FROM relayed_nodes r WHERE r.node_id = ${nodes.id} AND r.enrolled_at = ${nodes.enrolledAt})`,
);

/** Whether a node row is currently relayed by an upstream hub. */
export async function isRelayed(
  db: HubDatabase,
  node: { id: number; enrolledAt: number },
): Promise<boolean> {
  const [link] = await db
    .select({ upstreamId: relayedNodes.upstreamId })
    .from(relayedNodes)
    .where(and(eq(relayedNodes.nodeId, node.id), eq(relayedNodes.enrolledAt, node.enrolledAt)));
  return link !== undefined;
}
