import type { NationalHelplines } from '@promise-global/sdk/client/hub';
import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc.js';

/** The operator's national fallback numbers, per country, for portals' help boxes. */
export const helplinesRouter = {
  list: publicProcedure.query(
    ({ ctx }): NationalHelplines =>
      Object.entries(ctx.hub.config.nationalHelplines)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([country, lines]) => ({
          country,
          lines: lines.map((line) => ({
            name: line.name,
            number: line.number,
            type: line.type,
            description: line.description ?? null,
            emergency: line.emergency,
          })),
        })),
  ),
} satisfies TRPCRouterRecord;
