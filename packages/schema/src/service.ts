import * as z from 'zod/mini';
import {
  CountryCode,
  EmailAddress,
  HttpUrl,
  IanaTimeZone,
  IsoDate,
  IsoDateTime,
  IsoDuration,
  LanguageTag,
  Latitude,
  Longitude,
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

const ClockTime = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM'));

export const Phone = z.object({
  number: PhoneNumber,
  type: z._default(z.enum(PHONE_TYPES), 'voice'),
  description: z.optional(text(200)),
});

/** HSDS schedule subset: a weekly opening on the given days. */
export const Schedule = z.object({
  byday: z.array(z.enum(WEEKDAYS)).check(z.minLength(1), z.maxLength(7)),
  opensAt: ClockTime,
  closesAt: ClockTime,
  description: z.optional(text(200)),
});

export const ServiceArea = z.object({
  name: text(200),
  code: z.optional(text(32)).check(z.describe('Official area code, e.g. an ONS GSS code')),
});

export const Address = z.object({
  line1: text(200),
  line2: z.optional(text(200)),
  city: text(100),
  region: z.optional(text(100)),
  postcode: z.optional(text(16)),
  country: CountryCode,
});

export const Location = z
  .object({
    type: z.enum(LOCATION_TYPES),
    name: z.optional(text(200)),
    address: z.optional(Address),
    url: z.optional(HttpUrl),
    accessibility: z.optional(text(1000)),
    /** WGS84 decimal degrees (HSDS location latitude/longitude); given together or not at all. */
    latitude: z.optional(Latitude),
    longitude: z.optional(Longitude),
  })
  .check(
    z.superRefine((place, ctx) => {
      if ((place.latitude === undefined) !== (place.longitude === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [place.latitude === undefined ? 'latitude' : 'longitude'],
          message: 'Give both latitude and longitude, or neither',
        });
      }
    }),
  );

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
    description: z.optional(text(500)),
  }),
  z.object({ route: z.enum(otherRoutes), description: z.optional(text(500)) }),
]);

const serviceFields = {
  organisationId: Uuid,
  name: text(200),
  description: text(4000),
  status: z._default(z.enum(SERVICE_STATUSES), 'active'),
  url: z.optional(HttpUrl),
  email: z.optional(EmailAddress),
  phones: z._default(z.array(Phone).check(z.maxLength(10)), []),
  schedules: z._default(z.array(Schedule).check(z.maxLength(21)), []),
  timeZone: z
    .optional(IanaTimeZone)
    .check(z.describe('The IANA time zone its schedules are read in, e.g. Europe/London')),
  serviceAreas: z._default(z.array(ServiceArea).check(z.maxLength(50)), []),
  locations: z._default(z.array(Location).check(z.maxLength(20)), []),
  eligibilityDescription: z.optional(text(1000)),
  minAge: z.optional(z.int().check(z.minimum(0), z.maximum(120))),
  maxAge: z.optional(z.int().check(z.minimum(0), z.maximum(120))),
  languages: z._default(z.array(LanguageTag).check(z.maxLength(30)), []),
  available24x7: z._default(z.boolean(), false),
  urgency: z.enum(URGENCIES),
  responseStandard: z.optional(ResponseStandard),
  referralRoutes: z._default(z.array(ReferralRoute).check(z.maxLength(10)), []),
  categories: z.array(z.enum(SERVICE_CATEGORIES)).check(z.minLength(1), z.maxLength(10)),
  assuredAt: z
    .optional(IsoDateTime)
    .check(z.describe('When the owner last checked this listing is right')),
  reviewDue: z.optional(IsoDate).check(z.describe('When the owner must check it again')),
};

function checkAgeRange(
  service: { minAge?: number | undefined; maxAge?: number | undefined },
  ctx: z.core.$RefinementCtx,
) {
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
  .check(z.superRefine(checkAgeRange))
  .register(z.globalRegistry, { id: 'ServiceInput' });

/** An HSDS service with the extensions mental-health crisis care needs. */
export const Service = z
  .object({ id: Uuid, ...serviceFields, updatedAt: IsoDateTime })
  .check(z.superRefine(checkAgeRange))
  .register(z.globalRegistry, { id: 'Service', title: 'Service' });

export type Phone = z.infer<typeof Phone>;
export type Schedule = z.infer<typeof Schedule>;
export type ReferralRoute = z.infer<typeof ReferralRoute>;
export type ServiceInput = z.input<typeof ServiceInput>;
export type Service = z.infer<typeof Service>;
