import { MAX_PROBLEM_DETAILS, PROBLEM_KINDS } from '@promise-global/schema';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { PartnerId } from '../inputs.js';
import { publicProcedure } from '../trpc.js';

/** Control characters other than tab and newline are dropped: they only hide things. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match them
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

export const ProblemReportInput = z.object({
  partnerId: PartnerId,
  serviceId: z.string().min(1).max(200),
  kind: z.enum(PROBLEM_KINDS),
  details: z
    .string()
    .max(MAX_PROBLEM_DETAILS)
    .transform((text) => text.replace(CONTROL, '').trim()),
  replyTo: z.email().max(254).optional(),
});

export const reportsRouter = {
  /**
   * A reader's report of a problem with a listing: kept by the hub only until the owning node has
   * it, never published. A client over `limits.problemReportsPerClient` gets TOO_MANY_REQUESTS; a
   * listing the network does not hold gets NOT_FOUND.
   */
  submit: publicProcedure.input(ProblemReportInput).mutation(async ({ ctx, input }) => {
    const allowed = ctx.hub.limits.problemReportClients.take(ctx.client);
    if (!allowed.allowed) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `RATE_LIMITED: too many reports from this address; try again in ${allowed.retryAfterSeconds} s`,
      });
    }
    if (input.kind === 'other' && input.details === '') {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'DETAILS_REQUIRED: say what is wrong',
      });
    }
    await ctx.hub.reports.accept(input);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
