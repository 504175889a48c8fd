import { z } from 'zod';
import {
  CountryCode,
  EmailAddress,
  HttpUrl,
  IsoDate,
  IsoDateTime,
  IsoDuration,
  LanguageTag,
  PhoneNumber,
  text,
  Uuid,
} from './primitives.js';
import {
  LOCATION_TYPES,
  PHONE_TYPES,
  REFERRAL_ROUTES,
  SERVICE_CATEGORIES,
  SERVICE_STATUSES,
  URGENCIES,
  WEEKDAYS,
} from './vocabularies.js';

const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM');

export const Phone = z.object({
  number: PhoneNumber,
  type: z.enum(PHONE_TYPES).default('voice'),
  description: text(200).optional(),
});

/** HSDS schedule subset: a weekly opening on the given days. */
export const Schedule = z.object({
  byday: z.array(z.enum(WEEKDAYS)).min(1).max(7),
  opensAt: ClockTime,
  closesAt: ClockTime,
  description: text(200).optional(),
});

export const ServiceArea = z.object({
  name: text(200),
  code: text(32).optional().describe('Official area code, e.g. an ONS GSS code'),
});

export const Address = z.object({
  line1: text(200),
  line2: text(200).optional(),
  city: text(100),
  region: text(100).optional(),
  postcode: text(16).optional(),
  country: CountryCode,
});

export const Location = z.object({
  type: z.enum(LOCATION_TYPES),
  name: text(200).optional(),
  address: Address.optional(),
  url: HttpUrl.optional(),
  accessibility: text(1000).optional(),
});

/** How quickly the service aims to respond, as an ISO 8601 duration and in words. */
export const ResponseStandard = z.object({
  target: IsoDuration,
  description: text(280),
});

const otherRoutes = REFERRAL_ROUTES.filter(
  (route): route is Exclude<typeof route, 'named_team'> => route !== 'named_team',
);

/** Who can refer: a named team must be named. */
export const ReferralRoute = z.discriminatedUnion('route', [
  z.object({
    route: z.literal('named_team'),
    teamName: text(200),
    description: text(500).optional(),
  }),
  z.object({ route: z.enum(otherRoutes), description: text(500).optional() }),
]);

const serviceFields = {
  organisationId: Uuid,
  name: text(200),
  description: text(4000),
  status: z.enum(SERVICE_STATUSES).default('active'),
  url: HttpUrl.optional(),
  email: EmailAddress.optional(),
  phones: z.array(Phone).max(10).default([]),
  schedules: z.array(Schedule).max(21).default([]),
  serviceAreas: z.array(ServiceArea).max(50).default([]),
  locations: z.array(Location).max(20).default([]),
  eligibilityDescription: text(1000).optional(),
  minAge: z.int().min(0).max(120).optional(),
  maxAge: z.int().min(0).max(120).optional(),
  languages: z.array(LanguageTag).max(30).default([]),
  available24x7: z.boolean().default(false),
  urgency: z.enum(URGENCIES),
  responseStandard: ResponseStandard.optional(),
  referralRoutes: z.array(ReferralRoute).max(10).default([]),
  categories: z.array(z.enum(SERVICE_CATEGORIES)).min(1).max(10),
  assuredAt: IsoDateTime.optional().describe('When the owner last checked this listing is right'),
  reviewDue: IsoDate.optional().describe('When the owner must check it again'),
};

function checkAgeRange(service: { minAge?: number; maxAge?: number }, ctx: z.RefinementCtx) {
  const { minAge, maxAge } = service;
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxAge'],
      message: 'The maximum age must not be below the minimum age',
    });
  }
}

/** What an author writes; the node assigns `id` and `updatedAt`. */
export const ServiceInput = z
  .object(serviceFields)
  .superRefine(checkAgeRange)
  .meta({ id: 'ServiceInput' });

/** An HSDS service with the extensions mental-health crisis care needs. */
export const Service = z
  .object({ id: Uuid, ...serviceFields, updatedAt: IsoDateTime })
  .superRefine(checkAgeRange)
  .meta({ id: 'Service', title: 'Service' });

export type Phone = z.infer<typeof Phone>;
export type Schedule = z.infer<typeof Schedule>;
export type ReferralRoute = z.infer<typeof ReferralRoute>;
export type ServiceInput = z.input<typeof ServiceInput>;
export type Service = z.infer<typeof Service>;
