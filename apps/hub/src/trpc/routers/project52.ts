import type {
  Project52Bulletin,
  Project52BulletinSummary,
  Project52Schedule,
} from '@promise-global/sdk/client/hub';
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import type { HubContext } from '../../context.js';
import {
  type ConfirmOutcome,
  normaliseAddress,
  type UnsubscribeOutcome,
} from '../../project52/mailing/subscriptions.js';
import { Project52Error } from '../../project52-hub/errors.js';
import type { Project52Service } from '../../project52-hub/service.js';
import { IsoWeekInput, PartnerId } from '../inputs.js';
import { publicProcedure } from '../trpc.js';

/** The hub's Project 52 service, or a typed error when this hub does not run Project 52. */
export function project52Of(hub: HubContext): Project52Service {
  if (hub.project52 === undefined)
    throw new Project52Error('PROJECT52_OFF', 'Project 52 is not configured on this hub');
  return hub.project52;
}

export const project52Router = {
  schedule: publicProcedure
    .input(z.object({ partnerId: PartnerId.optional() }).optional())
    .query(
      ({ ctx, input }): Promise<Project52Schedule> =>
        project52Of(ctx.hub).programme.publicSchedule(input?.partnerId),
    ),
  bulletins: publicProcedure
    .input(z.object({ limit: z.number().int().min(1).max(520).optional() }).optional())
    .query(
      ({ ctx, input }): Promise<Project52BulletinSummary[]> =>
        project52Of(ctx.hub).archive(input?.limit),
    ),
  bulletin: publicProcedure
    .input(z.object({ week: IsoWeekInput }))
    .query(
      ({ ctx, input }): Promise<Project52Bulletin | null> =>
        project52Of(ctx.hub).bulletin(input.week),
    ),
} satisfies TRPCRouterRecord;

/** A token from a mailed link: short text (a longer one is not ours). */
const MailedToken = z.string().max(512);

export const subscriptionsRouter = {
  /**
   * Double opt-in: always answers `{ ok: true }` for a well-formed address, subscribed or not.
   * A client over `limits.subscriptionsPerClient` gets TOO_MANY_REQUESTS; an address over
   * `limits.confirmationsPerEmail` gets the same answer as any other, but no email.
   */
  request: publicProcedure
    .input(z.object({ email: z.string().min(3).max(254) }))
    .mutation(async ({ ctx, input }) => {
      const service = project52Of(ctx.hub);
      const { limits } = ctx.hub;
      const client = limits.subscriptionClients.take(ctx.client);
      if (!client.allowed) {
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `RATE_LIMITED: too many subscription requests from this address; try again in ${client.retryAfterSeconds} s`,
        });
      }
      const address = normaliseAddress(input.email);
      if (service.transport === undefined || limits.takeConfirmation(address).allowed)
        await service.requestSubscription(address);
      return { ok: true as const };
    }),
  /**
   * The portal's confirmation page, with the token from the mailed link. Tokens are MACs bound to
   * the address: guessing one is hopeless, and every answer is about that token alone.
   */
  confirm: publicProcedure.input(z.object({ token: MailedToken })).mutation(
    async ({ ctx, input }): Promise<{ outcome: ConfirmOutcome }> => ({
      outcome: await project52Of(ctx.hub).confirm(input.token),
    }),
  ),
  /** The portal's unsubscribe page, after the reader pressed its button (never on a GET). */
  unsubscribe: publicProcedure.input(z.object({ token: MailedToken })).mutation(
    async ({ ctx, input }): Promise<{ outcome: UnsubscribeOutcome }> => ({
      outcome: await project52Of(ctx.hub).unsubscribe(input.token),
    }),
  ),
} satisfies TRPCRouterRecord;
