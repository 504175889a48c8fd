import type { NodeHealth, NodeStatus, Project52PieceNotice } from '@promise-global/sdk/client/hub';
import type { FeedState } from '@promise-global/sdk/verify';
import { asc, ne } from 'drizzle-orm';
import type { HubDatabase } from '../db/database.js';
import { nodes } from '../db/schema/index.js';

type NodeRow = typeof nodes.$inferSelect;

const iso = (ms: number | null) => (ms === null || ms === 0 ? null : new Date(ms).toISOString());

/** The health the portal shows: suspension and removal win over harvesting health. */
export function effectiveHealth(row: NodeRow): NodeHealth {
  if (row.state !== 'active') return 'suspended';
  return row.health;
}

/** A node's public status (DESIGN.md property 8). */
export function toNodeStatus(row: NodeRow, now = Date.now()): NodeStatus {
  return {
    partnerId: row.partnerId,
    name: row.name,
    nodeUrl: row.url,
    country: row.country,
    state: row.state,
    health: effectiveHealth(row),
    cursorSeq: row.cursorSeq,
    headSeq: row.headSeq,
    lag: Math.max(0, row.headSeq - row.cursorSeq),
    lastSuccessAt: iso(row.lastSuccessAt),
    lastError:
      row.lastErrorCode && row.lastErrorAt
        ? {
            code: row.lastErrorCode,
            message: row.lastErrorMessage ?? '',
            at: new Date(row.lastErrorAt).toISOString(),
          }
        : null,
    consecutiveFailures: row.consecutiveFailures,
    circuitOpenUntil: row.circuitOpenUntil > now ? iso(row.circuitOpenUntil) : null,
    pinnedKids: (row.chain as FeedState).keys.keys
      .filter((key) => key.status === 'active')
      .map((key) => key.kid),
  };
}

/**
 * Every enrolled node's public status (removed nodes excluded), by partner id; with Project 52,
 * each carries its pieces' standing (an editor's note shows on the node's staff dashboard).
 */
export async function listNodeStatuses(
  db: HubDatabase,
  project52?: Map<string, Project52PieceNotice[]>,
): Promise<NodeStatus[]> {
  const rows = await db
    .select()
    .from(nodes)
    .where(ne(nodes.state, 'removed'))
    .orderBy(asc(nodes.partnerId));
  return rows.map((row) => {
    const status = toNodeStatus(row);
    return project52 ? { ...status, project52: project52.get(row.partnerId) ?? [] } : status;
  });
}
