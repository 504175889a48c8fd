import fc from 'fast-check';
import { COUNTRY_CODES } from '../src/countries.js';
import { CONTROL_CHARACTERS, INVISIBLE_CHARACTERS } from '../src/text-hygiene.js';
import {
  EVIDENCE_LEVELS,
  IDENTIFIER_SCHEMES,
  INNOVATION_KINDS,
  INNOVATION_STATUSES,
  INNOVATION_THEMES,
  LOCATION_TYPES,
  ORGANISATION_TYPES,
  PHONE_TYPES,
  REFERRAL_ROUTES,
  SERVICE_CATEGORIES,
  SERVICE_STATUSES,
  URGENCIES,
  WEEKDAYS,
} from '../src/vocabularies.js';

/** fast-check arbitraries of valid documents, built from the controlled vocabularies. */

/**
 * Text within `max` UTF-16 units, any code points but C0 controls (tab, newline and return
 * aside), as the schema keeps it (trimmed, something visible).
 */
export const text = (max: number) =>
  fc
    .string({ unit: 'binary', maxLength: Math.floor(max / 2) })
    .map((s) => s.replaceAll(new RegExp(CONTROL_CHARACTERS, 'g'), '').trim())
    .filter((s) => s.replace(INVISIBLE_CHARACTERS, '') !== '');

const uuid = fc.uuid({ version: 4 });
const slug = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
const email = fc.stringMatching(
  /^[a-z][a-z0-9]{0,15}(?:\.[a-z0-9]{1,8})?@(?:example\.org|nhs\.example\.uk)$/,
);
const url = fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true });
const dateTime = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());
const date = dateTime.map((d) => d.slice(0, 10));
const phone = fc.oneof(
  fc.stringMatching(/^\+44 1632 96\d{4}$/),
  fc.stringMatching(/^01632 ?96\d{4}$/),
  fc.constantFrom('111', '999', '116 123', '0800 1111', '85258'),
);
const clock = fc.stringMatching(/^(?:[01]\d|2[0-3]):[0-5]\d$/);
const duration = fc.oneof(
  fc.nat({ max: 72 }).map((h) => `PT${h}H`),
  fc.integer({ min: 1, max: 28 }).map((d) => `P${d}D`),
  fc.constantFrom('PT30M', 'P1W', 'P1DT12H'),
);
const language = fc.constantFrom('en', 'cy', 'gd', 'pl', 'ur', 'en-GB', 'sgn-GB', 'zh-Hant');

export const partner = fc.record(
  {
    id: slug,
    name: text(200),
    country: fc.constantFrom(...COUNTRY_CODES),
    region: text(200),
    website: url,
    contactEmail: email,
    baseUrl: url,
    description: text(2000),
  },
  { requiredKeys: ['id', 'name', 'country', 'website', 'contactEmail', 'baseUrl', 'description'] },
);

export const organisation = fc.record(
  {
    id: uuid,
    name: text(200),
    description: text(4000),
    website: url,
    email,
    identifiers: fc.array(
      fc.record({ scheme: fc.constantFrom(...IDENTIFIER_SCHEMES), value: text(64) }),
      { maxLength: 10 },
    ),
    type: fc.constantFrom(...ORGANISATION_TYPES),
    updatedAt: dateTime,
  },
  { requiredKeys: ['id', 'name', 'identifiers', 'type', 'updatedAt'] },
);

const referralRoute = fc.oneof(
  fc.record(
    { route: fc.constant('named_team' as const), teamName: text(200), description: text(500) },
    { requiredKeys: ['route', 'teamName'] },
  ),
  fc.record(
    {
      route: fc.constantFrom(...REFERRAL_ROUTES.filter((r) => r !== 'named_team')),
      description: text(500),
    },
    { requiredKeys: ['route'] },
  ),
);

const coordinates = fc.option(
  fc.record({
    // `+ 0` turns -0 into 0: JSON has no -0, so a record can never carry one.
    latitude: fc.double({ min: -90, max: 90, noNaN: true }).map((value) => value + 0),
    longitude: fc.double({ min: -180, max: 180, noNaN: true }).map((value) => value + 0),
  }),
  { nil: {} },
);

const location = fc
  .tuple(
    fc.record(
      {
        type: fc.constantFrom(...LOCATION_TYPES),
        name: text(200),
        address: fc.record(
          {
            line1: text(200),
            line2: text(200),
            city: text(100),
            region: text(100),
            postcode: text(16),
            country: fc.constantFrom(...COUNTRY_CODES),
          },
          { requiredKeys: ['line1', 'city', 'country'] },
        ),
        url,
        accessibility: text(1000),
      },
      { requiredKeys: ['type'] },
    ),
    coordinates,
  )
  .map(([place, at]) => ({ ...place, ...at }));

const ages = fc
  .tuple(fc.nat({ max: 120 }), fc.nat({ max: 120 }))
  .map(([a, b]) => ({ minAge: Math.min(a, b), maxAge: Math.max(a, b) }));

export const service = fc
  .tuple(
    fc.record(
      {
        id: uuid,
        organisationId: uuid,
        name: text(200),
        description: text(4000),
        status: fc.constantFrom(...SERVICE_STATUSES),
        url,
        email,
        phones: fc.array(
          fc.record(
            { number: phone, type: fc.constantFrom(...PHONE_TYPES), description: text(200) },
            { requiredKeys: ['number', 'type'] },
          ),
          { maxLength: 4 },
        ),
        schedules: fc.array(
          fc.record(
            {
              byday: fc.subarray([...WEEKDAYS], { minLength: 1 }),
              opensAt: clock,
              closesAt: clock,
              description: text(200),
            },
            { requiredKeys: ['byday', 'opensAt', 'closesAt'] },
          ),
          { maxLength: 4 },
        ),
        serviceAreas: fc.array(
          fc.record({ name: text(200), code: text(32) }, { requiredKeys: ['name'] }),
          { maxLength: 4 },
        ),
        locations: fc.array(location, { maxLength: 3 }),
        eligibilityDescription: text(1000),
        languages: fc.array(language, { maxLength: 5 }),
        available24x7: fc.boolean(),
        urgency: fc.constantFrom(...URGENCIES),
        responseStandard: fc.record({ target: duration, description: text(280) }),
        referralRoutes: fc.array(referralRoute, { maxLength: 6 }),
        categories: fc.subarray([...SERVICE_CATEGORIES], { minLength: 1, maxLength: 10 }),
        timeZone: fc.constantFrom('Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC'),
        assuredAt: dateTime,
        reviewDue: date,
        updatedAt: dateTime,
      },
      {
        requiredKeys: [
          'id',
          'organisationId',
          'name',
          'description',
          'status',
          'phones',
          'schedules',
          'serviceAreas',
          'locations',
          'languages',
          'available24x7',
          'urgency',
          'referralRoutes',
          'categories',
          'updatedAt',
        ],
      },
    ),
    fc.option(ages, { nil: undefined }),
  )
  .map(([doc, range]) => (range ? { ...doc, ...range } : doc));

const word = fc.oneof(
  fc.stringMatching(/^[A-Za-z]{1,12}[.,]?$/),
  fc.constantFrom('**calm**', '_peer-led_', '[report](https://example.org/r)', '2024', 'café'),
);
const body = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ' ', '\n', '\n\n## ')), {
    minLength: 1,
    maxLength: 300,
  })
  .map((parts) =>
    parts
      .map(([w, sep]) => `${w}${sep}`)
      .join('')
      .trim(),
  );

export const innovation = fc.record(
  {
    id: uuid,
    partnerId: slug,
    title: text(200),
    summary: text(280),
    body,
    kind: fc.constantFrom(...INNOVATION_KINDS),
    themes: fc.subarray([...INNOVATION_THEMES], { minLength: 1, maxLength: 5 }),
    setting: text(200),
    evidenceLevel: fc.constantFrom(...EVIDENCE_LEVELS),
    outcomes: text(2000),
    contact: fc.record({ role: text(120), email }),
    relatedServiceIds: fc.array(uuid, { maxLength: 20 }),
    licence: fc.constantFrom('CC-BY-4.0', 'CC-BY-SA-4.0', 'OGL-UK-3.0'),
    status: fc.constantFrom(...INNOVATION_STATUSES),
    submittedAt: dateTime,
    publishedAt: dateTime,
    updatedAt: dateTime,
  },
  {
    requiredKeys: [
      'id',
      'partnerId',
      'title',
      'summary',
      'body',
      'kind',
      'themes',
      'setting',
      'evidenceLevel',
      'contact',
      'relatedServiceIds',
      'licence',
      'status',
      'updatedAt',
    ],
  },
);
