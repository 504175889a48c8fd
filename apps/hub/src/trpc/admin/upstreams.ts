import type { UpstreamStatus } from '@promise-global/sdk/client/hub';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { HubContext } from '../../context.js';
import {
  addUpstream,
  findUpstream,
  reinstateUpstream,
  removeUpstream,
  suspendUpstream,
} from '../../upstream/upstream-admin.js';
import { UpstreamError } from '../../upstream/upstream-error.js';
import { listUpstreamStatuses, toUpstreamStatus } from '../../upstream/upstream-status.js';
import { operatorProcedure } from '../trpc.js';

const UpstreamRef = z.object({ url: z.string().min(1).max(2048) });

/** Runs an upstream action, turning its refusals into 4xx answers with the stable code. */
async function act(
  hub: HubContext,
  action: () => Promise<Parameters<typeof toUpstreamStatus>[1]>,
): Promise<UpstreamStatus> {
  try {
    return await toUpstreamStatus(hub.db, await action());
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    const code =
      error.code === 'UPSTREAM_NOT_FOUND'
        ? 'NOT_FOUND'
        : error.code === 'UPSTREAM_IDENTITY_INVALID'
          ? 'UNPROCESSABLE_CONTENT'
          : 'CONFLICT';
    throw new TRPCError({ code, message: `${error.code}: ${error.message}`, cause: error });
  }
}

/** Starts the harvest of an upstream an action made due. */
async function syncing<T extends { id: number }>(hub: HubContext, action: Promise<T>): Promise<T> {
  const row = await action;
  void hub.harvester.syncUpstream(row.id);
  return row;
}

/** Operators: hub chaining, the hubs whose aggregate feeds this hub consumes. */
export const adminUpstreamsRouter = {
  list: operatorProcedure.query(
    ({ ctx }): Promise<UpstreamStatus[]> => listUpstreamStatuses(ctx.hub.db),
  ),
  add: operatorProcedure
    .input(UpstreamRef)
    .mutation(({ ctx, input }) =>
      act(ctx.hub, () => syncing(ctx.hub, addUpstream(ctx.hub, input.url))),
    ),
  suspend: operatorProcedure
    .input(UpstreamRef)
    .mutation(({ ctx, input }) => act(ctx.hub, () => suspendUpstream(ctx.hub, input.url))),
  reinstate: operatorProcedure
    .input(UpstreamRef)
    .mutation(({ ctx, input }) =>
      act(ctx.hub, () => syncing(ctx.hub, reinstateUpstream(ctx.hub, input.url))),
    ),
  remove: operatorProcedure
    .input(UpstreamRef)
    .mutation(({ ctx, input }) => act(ctx.hub, () => removeUpstream(ctx.hub, input.url))),
  sync: operatorProcedure.input(UpstreamRef).mutation(({ ctx, input }) =>
    act(ctx.hub, async () => {
      await ctx.hub.harvester.syncUpstream((await findUpstream(ctx.hub, input.url)).id);
      return findUpstream(ctx.hub, input.url);
    }),
  ),
} satisfies TRPCRouterRecord;
