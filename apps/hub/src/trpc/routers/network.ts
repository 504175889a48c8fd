import type { NodeStatus, PartnerSummary, RecordDetail } from '@promise-global/sdk/client/hub';
import type { TRPCRouterRecord } from '@trpc/server';
import { asc, ne } from 'drizzle-orm';
import { nodes } from '../../db/schema/index.js';
import { getRecord } from '../../index/get-record.js';
import { effectiveHealth, listNodeStatuses, relayingUpstreams } from '../../nodes/node-status.js';
import { RecordRef } from '../inputs.js';
import { publicProcedure } from '../trpc.js';

export const recordsRouter = {
  get: publicProcedure
    .input(RecordRef)
    .query(
      ({ ctx, input }): Promise<RecordDetail | null> => getRecord(ctx.hub.db, input, ctx.hub.url()),
    ),
} satisfies TRPCRouterRecord;

export const partnersRouter = {
  list: publicProcedure.query(async ({ ctx }): Promise<PartnerSummary[]> => {
    const rows = await ctx.hub.db
      .select()
      .from(nodes)
      .where(ne(nodes.state, 'removed'))
      .orderBy(asc(nodes.partnerId));
    const counts = await ctx.hub.db.$client.execute(
      `SELECT node_id, 'innovation' AS kind, count(*) AS n FROM innovations GROUP BY node_id
       UNION ALL SELECT node_id, 'service', count(*) FROM services GROUP BY node_id`,
    );
    const count = (id: number, kind: string) =>
      Number(counts.rows.find((row) => Number(row.node_id) === id && row.kind === kind)?.n ?? 0);
    const relays = await relayingUpstreams(ctx.hub.db);
    const field = (partner: Record<string, unknown>, name: string) =>
      typeof partner[name] === 'string' ? partner[name] : null;
    return rows.map((row) => ({
      partnerId: row.partnerId,
      name: row.name,
      nodeUrl: row.url,
      country: row.country,
      description: field(row.partner, 'description'),
      website: field(row.partner, 'website'),
      region: field(row.partner, 'region'),
      health: effectiveHealth(row, relays.get(row.id) ?? null),
      innovations: count(row.id, 'innovation'),
      services: count(row.id, 'service'),
    }));
  }),
} satisfies TRPCRouterRecord;

export const nodesRouter = {
  status: publicProcedure.query(
    async ({ ctx }): Promise<NodeStatus[]> =>
      listNodeStatuses(ctx.hub.db, await ctx.hub.project52?.programme.noticesByPartner()),
  ),
} satisfies TRPCRouterRecord;
