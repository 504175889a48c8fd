import type { TRPCRouterRecord } from '@trpc/server';
import { innovationFacets, serviceFacets } from '../../index/facets.js';
import { searchInnovations } from '../../index/search-innovations.js';
import { searchServices } from '../../index/search-services.js';
import { InnovationSearch, ServiceSearch } from '../inputs.js';
import { publicProcedure } from '../trpc.js';

export const searchRouter = {
  innovations: publicProcedure
    .input(InnovationSearch)
    .query(({ ctx, input }) =>
      ctx.hub.metrics.timeSearch('innovations', 'trpc', () => searchInnovations(ctx.hub.db, input)),
    ),
  services: publicProcedure
    .input(ServiceSearch)
    .query(({ ctx, input }) =>
      ctx.hub.metrics.timeSearch('services', 'trpc', () => searchServices(ctx.hub.db, input)),
    ),
} satisfies TRPCRouterRecord;

export const facetsRouter = {
  innovations: publicProcedure
    .input(InnovationSearch)
    .query(({ ctx, input }) => innovationFacets(ctx.hub.db, input)),
  services: publicProcedure
    .input(ServiceSearch)
    .query(({ ctx, input }) => serviceFacets(ctx.hub.db, input)),
} satisfies TRPCRouterRecord;
