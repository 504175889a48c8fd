import type { AdoptionView } from '@promise-global/sdk/client/hub';
import type { TRPCRouterRecord } from '@trpc/server';
import { listAdoptions } from '../../index/adoptions.js';
import { AdoptionQuery } from '../inputs.js';
import { publicProcedure } from '../trpc.js';

export const adoptionsRouter = {
  list: publicProcedure
    .input(AdoptionQuery)
    .query(({ ctx, input }): Promise<AdoptionView[]> => listAdoptions(ctx.hub.db, input ?? {})),
} satisfies TRPCRouterRecord;
