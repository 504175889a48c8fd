import type { CreatedToken, QuarantinedRecord } from '@promise-global/sdk/client/hub';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { createAdminToken, revokeAdminToken } from '../../auth/admin-tokens.js';
import { readCounters } from '../../db/counters.js';
import { listQuarantine } from '../../index/quarantine.js';
import { editorProcedure, operatorProcedure } from '../trpc.js';

export const adminTokensRouter = {
  create: operatorProcedure
    .input(z.object({ name: z.string().min(1).max(100), role: z.enum(['operator', 'editor']) }))
    .mutation(({ ctx, input }): Promise<CreatedToken> => createAdminToken(ctx.hub.db, input)),
  revoke: operatorProcedure
    .input(z.object({ id: z.number().int().min(1) }))
    .mutation(async ({ ctx, input }) => ({
      revoked: await revokeAdminToken(ctx.hub.db, input.id),
    })),
} satisfies TRPCRouterRecord;

export const adminCountersRouter = {
  list: editorProcedure.query(
    ({ ctx }): Promise<Record<string, number>> => readCounters(ctx.hub.db),
  ),
} satisfies TRPCRouterRecord;

export const adminQuarantineRouter = {
  list: editorProcedure.query(
    ({ ctx }): Promise<QuarantinedRecord[]> => listQuarantine(ctx.hub.db),
  ),
} satisfies TRPCRouterRecord;
