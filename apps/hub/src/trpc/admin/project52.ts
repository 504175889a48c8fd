import type { Project52Queue } from '@promise-global/sdk/client/hub';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { normaliseAddress } from '../../project52/mailing/subscriptions.js';
import type { DecisionCommand } from '../../project52/schedule/decision-log.js';
import type { SeenPiece } from '../../project52-hub/programme.js';
import { pieceKey } from '../../project52-hub/queue-writes.js';
import { IsoWeekInput, PieceRefInput } from '../inputs.js';
import { project52Of } from '../routers/project52.js';
import { editorProcedure, operatorProcedure, type RequestContext } from '../trpc.js';

const Text = z.string().trim().min(1).max(2_000);

/** Appends the editor's decision (who: the token's name; when: now), then returns the fresh queue. */
async function act(
  ctx: RequestContext & { admin: { name: string } },
  command: DecisionCommand,
  seen?: SeenPiece,
): Promise<Project52Queue> {
  const project52 = project52Of(ctx.hub);
  await project52.programme.decide(command, `editor:${ctx.admin.name}`, seen);
  return project52.programme.queue();
}

export const adminProject52Router = {
  queue: editorProcedure.query(
    ({ ctx }): Promise<Project52Queue> => project52Of(ctx.hub).programme.queue(),
  ),
  approve: editorProcedure
    .input(PieceRefInput)
    .mutation(({ ctx, input }) =>
      act(
        ctx,
        { type: 'approve', recordId: pieceKey(input.partnerId, input.recordId) },
        input.seen,
      ),
    ),
  requestChanges: editorProcedure
    .input(PieceRefInput.extend({ note: Text }))
    .mutation(({ ctx, input }) =>
      act(
        ctx,
        {
          type: 'request_changes',
          recordId: pieceKey(input.partnerId, input.recordId),
          note: input.note,
        },
        input.seen,
      ),
    ),
  decline: editorProcedure
    .input(PieceRefInput.extend({ reason: Text }))
    .mutation(({ ctx, input }) =>
      act(
        ctx,
        {
          type: 'decline',
          recordId: pieceKey(input.partnerId, input.recordId),
          reason: input.reason,
        },
        input.seen,
      ),
    ),
  pin: editorProcedure
    .input(PieceRefInput.extend({ week: IsoWeekInput }))
    .mutation(({ ctx, input }) =>
      act(
        ctx,
        {
          type: 'pin',
          recordId: pieceKey(input.partnerId, input.recordId),
          week: input.week,
        },
        input.seen,
      ),
    ),
  unpin: editorProcedure
    .input(PieceRefInput)
    .mutation(({ ctx, input }) =>
      act(ctx, { type: 'unpin', recordId: pieceKey(input.partnerId, input.recordId) }, input.seen),
    ),
  swap: editorProcedure
    .input(z.object({ weekA: IsoWeekInput, weekB: IsoWeekInput }))
    .mutation(({ ctx, input }) =>
      act(ctx, { type: 'swap', weekA: input.weekA, weekB: input.weekB }),
    ),
  /**
   * Unsubscribes an address on its owner's request by email (the `mailto:` in each bulletin's
   * `List-Unsubscribe`); operators only, since it names an address. `false`: not on the list.
   */
  unsubscribeAddress: operatorProcedure
    .input(z.object({ email: z.string().min(3).max(254) }))
    .mutation(
      async ({ ctx, input }): Promise<{ unsubscribed: boolean }> => ({
        unsubscribed: await project52Of(ctx.hub).unsubscribeAddress(normaliseAddress(input.email)),
      }),
    ),
} satisfies TRPCRouterRecord;
