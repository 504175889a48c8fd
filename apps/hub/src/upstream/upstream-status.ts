import type { UpstreamStatus } from '@promise-global/sdk/client/hub';
import type { PinnedKeys } from '@promise-global/sdk/verify';
import { and, asc, eq } from 'drizzle-orm';
import type { HubDatabase } from '../db/database.js';
import { nodes, relayedNodes, upstreams } from '../db/schema/index.js';
import { syncFacts } from '../harvest/sync-health.js';

type UpstreamRow = typeof upstreams.$inferSelect;

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
    ...syncFacts(row, now),
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
