import { OrganisationInput } from '@promise-global/schema';
import { z } from 'zod';

/** Every column of the services CSV, HSDS names where HSDS has one. */
export const CSV_COLUMNS = [
  'organization_id',
  'organization_name',
  'organization_type',
  'organization_description',
  'organization_website',
  'organization_email',
  'organization_identifiers',
  'id',
  'name',
  'description',
  'status',
  'url',
  'email',
  'phone_number',
  'phone_type',
  'phone_description',
  'schedule_byday',
  'schedule_opens_at',
  'schedule_closes_at',
  'schedule_description',
  'service_area_names',
  'service_area_codes',
  'location_type',
  'location_name',
  'address_1',
  'address_2',
  'city',
  'state_province',
  'postal_code',
  'country',
  'location_url',
  'accessibility',
  'latitude',
  'longitude',
  'time_zone',
  'eligibility_description',
  'minimum_age',
  'maximum_age',
  'languages',
  'available_24x7',
  'urgency',
  'response_target',
  'response_description',
  'referral_routes',
  'categories',
  'review_due',
];

type Cells = Record<string, string | undefined>;

const FIELD_COLUMNS: Record<string, string> = {
  organisationId: 'organization_id',
  name: 'name',
  description: 'description',
  status: 'status',
  url: 'url',
  email: 'email',
  phones: 'phone_number',
  schedules: 'schedule_byday',
  timeZone: 'time_zone',
  serviceAreas: 'service_area_names',
  locations: 'location_type',
  eligibilityDescription: 'eligibility_description',
  minAge: 'minimum_age',
  maxAge: 'maximum_age',
  languages: 'languages',
  available24x7: 'available_24x7',
  urgency: 'urgency',
  responseStandard: 'response_target',
  referralRoutes: 'referral_routes',
  categories: 'categories',
  reviewDue: 'review_due',
};

const NESTED_COLUMNS: Record<string, string> = {
  'phones.type': 'phone_type',
  'phones.description': 'phone_description',
  'schedules.opensAt': 'schedule_opens_at',
  'schedules.closesAt': 'schedule_closes_at',
  'schedules.description': 'schedule_description',
  'serviceAreas.code': 'service_area_codes',
  'locations.name': 'location_name',
  'locations.url': 'location_url',
  'locations.accessibility': 'accessibility',
  'locations.address': 'address_1',
  'locations.latitude': 'latitude',
  'locations.longitude': 'longitude',
  'responseStandard.description': 'response_description',
};

/** The CSV column a schema issue path points at. */
export function columnFor(
  prefix: 'organization' | 'service',
  path: readonly PropertyKey[],
): string {
  const [first = '', second, third] = path.map(String);
  if (prefix === 'organization') {
    const known = ['name', 'description', 'email', 'website', 'type', 'identifiers'];
    return known.includes(first) ? `organization_${first}` : 'organization_name';
  }
  const nested = NESTED_COLUMNS[`${first}.${third ?? second}`];
  return nested ?? FIELD_COLUMNS[first] ?? (first || '(row)');
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const optional = (value: string | undefined) =>
  value === undefined || value === '' ? undefined : value;

function optionalNumber(value: string | undefined): number | string | undefined {
  const text = optional(value);
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** A decimal such as -1.31 as a number; anything else as text, for the schema to refuse in words. */
function optionalDecimal(value: string | undefined): number | string | undefined {
  const text = optional(value);
  if (text === undefined) return undefined;
  return /^-?\d{1,3}(?:\.\d+)?$/.test(text) ? Number(text) : text;
}

function flag(value: string | undefined): boolean | string | undefined {
  const text = optional(value)?.toLowerCase();
  if (text === undefined) return undefined;
  if (['true', 'yes', 'y', '1'].includes(text)) return true;
  if (['false', 'no', 'n', '0'].includes(text)) return false;
  return text;
}

function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The organisation a row describes, validated with the schema package. */
export function organisationRowToInput(
  cells: Cells,
): z.ZodSafeParseResult<z.output<typeof OrganisationInput>> {
  return z.safeParse(
    OrganisationInput,
    compact({
      name: optional(cells.organization_name),
      type: optional(cells.organization_type),
      description: optional(cells.organization_description),
      website: optional(cells.organization_website),
      email: optional(cells.organization_email),
      identifiers: list(cells.organization_identifiers).map((pair) => {
        const [scheme, ...value] = pair.split(':');
        return { scheme: scheme?.trim(), value: value.join(':').trim() };
      }),
    }),
  );
}

/** The service a row describes, as unvalidated `ServiceInput` fields. */
export function serviceRowToInput(cells: Cells, organisationId: string): Record<string, unknown> {
  const areaCodes = list(cells.service_area_codes);
  const hasLocation =
    optional(cells.location_type) ??
    optional(cells.address_1) ??
    optional(cells.location_url) ??
    optional(cells.latitude) ??
    optional(cells.longitude);
  return compact({
    organisationId,
    name: optional(cells.name),
    description: optional(cells.description),
    status: optional(cells.status),
    url: optional(cells.url),
    email: optional(cells.email),
    phones: optional(cells.phone_number)
      ? [
          compact({
            number: cells.phone_number,
            type: optional(cells.phone_type),
            description: optional(cells.phone_description),
          }),
        ]
      : [],
    schedules: optional(cells.schedule_byday)
      ? [
          compact({
            byday: list(cells.schedule_byday).map((day) => day.toUpperCase()),
            opensAt: optional(cells.schedule_opens_at),
            closesAt: optional(cells.schedule_closes_at),
            description: optional(cells.schedule_description),
          }),
        ]
      : [],
    timeZone: optional(cells.time_zone),
    serviceAreas: list(cells.service_area_names).map((name, i) =>
      compact({ name, code: optional(areaCodes[i]) }),
    ),
    locations: hasLocation
      ? [
          compact({
            type: optional(cells.location_type) ?? 'physical',
            name: optional(cells.location_name),
            url: optional(cells.location_url),
            accessibility: optional(cells.accessibility),
            latitude: optionalDecimal(cells.latitude),
            longitude: optionalDecimal(cells.longitude),
            address: optional(cells.address_1)
              ? compact({
                  line1: cells.address_1,
                  line2: optional(cells.address_2),
                  city: optional(cells.city),
                  region: optional(cells.state_province),
                  postcode: optional(cells.postal_code),
                  country: optional(cells.country) ?? 'GB',
                })
              : undefined,
          }),
        ]
      : [],
    eligibilityDescription: optional(cells.eligibility_description),
    minAge: optionalNumber(cells.minimum_age),
    maxAge: optionalNumber(cells.maximum_age),
    languages: list(cells.languages),
    available24x7: flag(cells.available_24x7),
    urgency: optional(cells.urgency),
    responseStandard: optional(cells.response_target)
      ? compact({
          target: cells.response_target,
          description: optional(cells.response_description),
        })
      : undefined,
    referralRoutes: list(cells.referral_routes).map((entry) => {
      const [route, ...team] = entry.split(':');
      return route === 'named_team' ? { route, teamName: team.join(':').trim() } : { route };
    }),
    categories: list(cells.categories),
    reviewDue: optional(cells.review_due),
  });
}
