import { IanaTimeZone } from '@promise-global/schema';
import { z } from 'zod';
import { type IsoWeek, isIsoWeek } from '../project52/schedule/iso-week.js';

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
  sort: z.enum(['relevance', 'newest', 'spread']).optional(),
  filters: z
    .object({
      themes: list,
      kinds: list,
      partners: list,
      countries: list,
      years: z.array(z.number().int().min(1900).max(2200)).max(20).optional(),
      evidenceLevels: list,
      takenUp: z.boolean().optional(),
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
      age: z.number().int().min(0).max(130).optional(),
      openAt: z.string().datetime({ offset: true }).optional(),
      fallbackTimeZone: z
        .string()
        .max(64)
        .refine(knownTimeZone, 'must be an IANA time zone such as Europe/London')
        .optional(),
    })
    .optional(),
  near: z
    .object({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
    })
    .optional(),
});

function knownTimeZone(zone: string): boolean {
  return IanaTimeZone.safeParse(zone).success;
}

export const PartnerId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

export const PartnerRef = z.object({ partnerId: PartnerId });

/** An ISO 8601 week such as `2026-W41` (week 53 only in years that have one). */
export const IsoWeekInput = z
  .string()
  .max(10)
  .refine(isIsoWeek, 'must be an ISO week such as 2026-W41')
  .transform((value) => value as IsoWeek);

/** A Project 52 piece: the partner and the record id of its write-up. */
export const PieceRefInput = z.object({
  partnerId: PartnerId,
  recordId: z.string().min(1).max(128),
  /** The piece as the editor saw it; a decision on a piece changed since is refused (409). */
  seen: z
    .object({
      state: z.enum(['queued', 'approved', 'changes_requested', 'declined', 'withdrawn']),
      decidedAt: z.string().max(40).nullable(),
    })
    .optional(),
});

export const RecordRef = PartnerRef.extend({
  type: z.enum(['partner', 'organisation', 'service', 'innovation', 'adoption']),
  id: z.string().min(1).max(128),
});

/** `adoptions.list`: of one piece, of one partner's pieces, by one adopter, or all. */
export const AdoptionQuery = z
  .object({
    piece: PartnerRef.extend({ recordId: z.string().min(1).max(128) }).optional(),
    ofPartner: PartnerId.optional(),
    byPartner: PartnerId.optional(),
    limit: z.number().int().min(1).max(2000).optional(),
  })
  .optional();
