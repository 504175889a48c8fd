import { z } from 'zod';

const word = z.string().min(1).max(80);
const list = z.array(word).max(20).optional();

/** Shared bounds: a query of at most 200 characters, pages of 1–100, lists of at most 20 values. */
const page = {
  q: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).optional(),
  cursor: z.string().min(1).max(200).optional(),
};

export const InnovationSearch = z.object({
  ...page,
  filters: z
    .object({
      themes: list,
      kinds: list,
      partners: list,
      countries: list,
      years: z.array(z.number().int().min(1900).max(2200)).max(20).optional(),
      evidenceLevels: list,
    })
    .optional(),
});

export const ServiceSearch = z.object({
  ...page,
  filters: z
    .object({
      categories: list,
      urgencies: list,
      referralRoutes: list,
      areas: list,
      statuses: list,
      partners: list,
      available24x7: z.boolean().optional(),
    })
    .optional(),
});

export const PartnerRef = z.object({ partnerId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/) });

export const RecordRef = PartnerRef.extend({
  type: z.enum(['partner', 'organisation', 'service', 'innovation']),
  id: z.string().min(1).max(128),
});
