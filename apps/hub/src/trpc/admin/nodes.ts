import type { NodeStatus, PendingEnrolment } from '@promise-global/sdk/client/hub';
import type { TRPCRouterRecord } from '@trpc/server';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { nodes } from '../../db/schema/index.js';
import { approveEnrolment } from '../../enrolment/approve-enrolment.js';
import { enrolNode } from '../../enrolment/enrol-node.js';
import {
  findNode,
  reinstateNode,
  removeNode,
  repinNode,
  suspendNode,
} from '../../enrolment/node-admin.js';
import { listPendingEnrolments, toPendingEnrolment } from '../../enrolment/pending-enrolment.js';
import { nodeStatusOf, relayingUpstreams, toNodeStatus } from '../../nodes/node-status.js';
import { PartnerRef } from '../inputs.js';
import { operatorProcedure } from '../trpc.js';

export const adminNodesRouter = {
  list: operatorProcedure.query(async ({ ctx }): Promise<NodeStatus[]> => {
    const rows = await ctx.hub.db.select().from(nodes).orderBy(asc(nodes.partnerId));
    const relays = await relayingUpstreams(ctx.hub.db);
    return rows.map((row) => toNodeStatus(row, relays.get(row.id) ?? null));
  }),
  enrol: operatorProcedure
    .input(z.object({ url: z.string().min(1).max(2048) }))
    .mutation(
      async ({ ctx, input }): Promise<PendingEnrolment> =>
        toPendingEnrolment(await enrolNode(ctx.hub, input.url)),
    ),
  pending: operatorProcedure.query(
    async ({ ctx }): Promise<PendingEnrolment[]> =>
      (await listPendingEnrolments(ctx.hub)).map(toPendingEnrolment),
  ),
  approve: operatorProcedure
    .input(PartnerRef.extend({ fingerprint: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }): Promise<NodeStatus> => {
      const row = await approveEnrolment(ctx.hub, input.partnerId, input.fingerprint);
      void ctx.hub.harvester.sync(row.id);
      return nodeStatusOf(ctx.hub.db, row);
    }),
  suspend: operatorProcedure
    .input(PartnerRef)
    .mutation(
      async ({ ctx, input }): Promise<NodeStatus> =>
        nodeStatusOf(ctx.hub.db, await suspendNode(ctx.hub, input.partnerId)),
    ),
  reinstate: operatorProcedure
    .input(PartnerRef)
    .mutation(async ({ ctx, input }): Promise<NodeStatus> => {
      const row = await reinstateNode(ctx.hub, input.partnerId);
      void ctx.hub.harvester.sync(row.id);
      return nodeStatusOf(ctx.hub.db, row);
    }),
  remove: operatorProcedure
    .input(PartnerRef)
    .mutation(
      async ({ ctx, input }): Promise<NodeStatus> =>
        nodeStatusOf(ctx.hub.db, await removeNode(ctx.hub, input.partnerId)),
    ),
  repin: operatorProcedure
    .input(PartnerRef)
    .mutation(
      async ({ ctx, input }): Promise<PendingEnrolment> =>
        toPendingEnrolment(await repinNode(ctx.hub, input.partnerId)),
    ),
  sync: operatorProcedure
    .input(PartnerRef)
    .mutation(async ({ ctx, input }): Promise<NodeStatus> => {
      const node = await findNode(ctx.hub, input.partnerId);
      await ctx.hub.harvester.sync(node.id);
      return nodeStatusOf(ctx.hub.db, await findNode(ctx.hub, input.partnerId));
    }),
} satisfies TRPCRouterRecord;
