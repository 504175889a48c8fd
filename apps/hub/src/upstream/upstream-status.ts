import type { UpstreamStatus } from '@promise-global/sdk/client/hub';
import type { PinnedKeys } from '@promise-global/sdk/verify';
import { and, asc, eq } from 'drizzle-orm';
import type { HubDatabase } from '../db/database.js';
import { nodes, relayedNodes, upstreams } from '../db/schema/index.js';

type UpstreamRow = typeof upstreams.$inferSelect;

const iso = (ms: number | null) => (ms === null || ms === 0 ? null : new Date(ms).toISOString());

/** An upstream hub's status for operators: health, cursor, last error, skips, relayed nodes. */
export async function toUpstreamStatus(
  db: HubDatabase,
  row: UpstreamRow,
  now = Date.now(),
): Promise<UpstreamStatus> {
  const relayed = await db
    .select({ partnerId: nodes.partnerId })
    .from(relayedNodes)
    .innerJoin(
      nodes,
      and(eq(nodes.id, relayedNodes.nodeId), eq(nodes.enrolledAt, relayedNodes.enrolledAt)),
    )
    .where(eq(relayedNodes.upstreamId, row.id))
    .orderBy(asc(nodes.partnerId));
  return {
    url: row.url,
    state: row.state,
    health: row.state === 'active' ? row.health : 'suspended',
    cursorSeq: row.cursorSeq,
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
    pinnedKids: (row.keys as PinnedKeys).keys.map((key) => key.kid),
    skipped: row.skipped,
    relayedPartnerIds: relayed.map((node) => node.partnerId),
  };
}

/** Every upstream hub's status, by URL. */
export async function listUpstreamStatuses(db: HubDatabase): Promise<UpstreamStatus[]> {
  const rows = await db.select().from(upstreams).orderBy(asc(upstreams.url));
  return Promise.all(rows.map((row) => toUpstreamStatus(db, row)));
}
