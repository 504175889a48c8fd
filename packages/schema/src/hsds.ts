import { locationsOf } from './hsds/locations.js';
import { nameUuid } from './hsds/name-uuid.js';
import { attribute, promiseTerm } from './hsds/taxonomy.js';
import type {
  HsdsAttribute,
  HsdsLanguage,
  HsdsOrganization,
  HsdsSchedule,
  HsdsService,
  HsdsServiceArea,
} from './hsds/types.js';
import type { Organisation } from './organisation.js';
import type { Service } from './service.js';
import { WEEKDAYS } from './vocabularies.js';

export { nameUuid, PROMISE_UUID_NAMESPACE } from './hsds/name-uuid.js';
export { PROMISE_TAXONOMY, promiseTerm } from './hsds/taxonomy.js';
export type * from './hsds/types.js';

/** Thrown when a service is mapped with an organisation that does not run it. */
export class HsdsMappingError extends Error {
  readonly code = 'ORGANISATION_MISMATCH';
  override readonly name = 'HsdsMappingError';
}

/** Org-ID scheme codes (org-id.guide) for identifiers whose register is unambiguous. */
const ORG_ID_SCHEMES: Partial<Record<string, string>> = {
  company_number: 'GB-COH',
  nhs_ods_code: 'GB-NHS',
};

const GSS_CODE = /^[EKNSW]\d{8}$/;

function organizationOf(organisation: Organisation): HsdsOrganization {
  const id = organisation.id;
  return {
    id,
    name: organisation.name,
    description: organisation.description ?? organisation.name,
    ...(organisation.email === undefined ? {} : { email: organisation.email }),
    ...(organisation.website === undefined ? {} : { website: organisation.website }),
    organization_identifiers: organisation.identifiers.map((identifier, i) => {
      const scheme = ORG_ID_SCHEMES[identifier.scheme];
      return {
        id: nameUuid(id, `organization_identifier/${i}`),
        organization_id: id,
        ...(scheme === undefined ? {} : { identifier_scheme: scheme }),
        identifier_type: identifier.scheme,
        identifier: identifier.value,
      };
    }),
  };
}

function schedulesOf(service: Service): HsdsSchedule[] {
  const schedules: HsdsSchedule[] = service.schedules.map((schedule, i) => ({
    id: nameUuid(service.id, `schedule/${i}`),
    service_id: service.id,
    freq: 'WEEKLY',
    wkst: 'MO',
    byday: schedule.byday.join(','),
    opens_at: schedule.opensAt,
    closes_at: schedule.closesAt,
    ...(schedule.description === undefined ? {} : { description: schedule.description }),
  }));
  if (!service.available24x7) return schedules;
  const allDay: HsdsSchedule = {
    id: nameUuid(service.id, 'schedule/24x7'),
    service_id: service.id,
    freq: 'WEEKLY',
    wkst: 'MO',
    byday: WEEKDAYS.join(','),
    opens_at: '00:00',
    closes_at: '23:59',
    description: 'Open 24 hours a day, 7 days a week',
  };
  return [allDay, ...schedules];
}

function serviceAreasOf(service: Service): HsdsServiceArea[] {
  return service.serviceAreas.map((area, i) => {
    const id = nameUuid(service.id, `service_area/${i}`);
    const code = area.code;
    return {
      id,
      service_id: service.id,
      name: area.name,
      ...(code !== undefined && GSS_CODE.test(code)
        ? { uri: `http://statistics.data.gov.uk/id/statistical-geography/${code}` }
        : {}),
      ...(code === undefined
        ? {}
        : {
            attributes: [
              attribute(id, 'service_area', 'area_code', promiseTerm('area_code'), code),
            ],
          }),
    };
  });
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(tag: string): string | undefined {
  try {
    return languageNames.of(tag);
  } catch {
    return undefined; // a well-formed tag Intl cannot name: the code alone still says it
  }
}

function languagesOf(service: Service): HsdsLanguage[] {
  return service.languages.map((tag, i) => {
    const code = (tag.split('-')[0] ?? tag).toLowerCase();
    const name = languageName(tag);
    return {
      id: nameUuid(service.id, `language/${i}`),
      service_id: service.id,
      code,
      ...(name === undefined ? {} : { name }),
      ...(code === tag ? {} : { note: tag }),
    };
  });
}

function attributesOf(service: Service): HsdsAttribute[] {
  const link = (idName: string, term: ReturnType<typeof promiseTerm>, value?: string) =>
    attribute(service.id, 'service', `attribute/${idName}`, term, value);
  const attributes = [
    link('available_24x7', promiseTerm('available_24x7'), String(service.available24x7)),
    link('urgency', promiseTerm('urgency', service.urgency), service.urgency),
  ];
  if (service.responseStandard) {
    const { target } = service.responseStandard;
    attributes.push(link('response_standard', promiseTerm('response_standard'), target));
  }
  service.referralRoutes.forEach((route, i) => {
    const value = route.route === 'named_team' ? route.teamName : route.description;
    attributes.push(link(`referral_route/${i}`, promiseTerm('referral_route', route.route), value));
  });
  service.categories.forEach((category, i) => {
    attributes.push(link(`category/${i}`, promiseTerm('category', category), category));
  });
  return attributes;
}

/**
 * Maps a service and the organisation that runs it to an HSDS 3.0 service object (snake_case,
 * nested objects with stable name-based UUIDs). PROMISE Network's extensions travel as
 * `attributes` in the PROMISE Network taxonomy; a 24/7 service also gets a 00:00–23:59
 * every-day schedule; the response standard's words become `wait_time`.
 *
 * @example
 * const hsds = toHsdsService(Service.parse(doc), Organisation.parse(org));
 * hsds.schedules[0]?.byday; // 'MO,TU,WE,TH,FR,SA,SU' for a 24/7 line
 */
export function toHsdsService(service: Service, organisation: Organisation): HsdsService {
  if (service.organisationId !== organisation.id) {
    throw new HsdsMappingError(
      `Service ${service.id} belongs to organisation ${service.organisationId}, not ${organisation.id}`,
    );
  }
  return {
    id: service.id,
    organization_id: organisation.id,
    name: service.name,
    description: service.description,
    status: service.status,
    ...(service.url === undefined ? {} : { url: service.url }),
    ...(service.email === undefined ? {} : { email: service.email }),
    ...(service.eligibilityDescription === undefined
      ? {}
      : { eligibility_description: service.eligibilityDescription }),
    ...(service.minAge === undefined ? {} : { minimum_age: service.minAge }),
    ...(service.maxAge === undefined ? {} : { maximum_age: service.maxAge }),
    ...(service.responseStandard === undefined
      ? {}
      : { wait_time: service.responseStandard.description }),
    ...(service.assuredAt === undefined ? {} : { assured_date: service.assuredAt.slice(0, 10) }),
    last_modified: new Date(service.updatedAt).toISOString(),
    phones: service.phones.map((phone, i) => ({
      id: nameUuid(service.id, `phone/${i}`),
      service_id: service.id,
      number: phone.number,
      type: phone.type,
      ...(phone.description === undefined ? {} : { description: phone.description }),
    })),
    schedules: schedulesOf(service),
    service_areas: serviceAreasOf(service),
    languages: languagesOf(service),
    service_at_locations: locationsOf(service),
    attributes: attributesOf(service),
    organization: organizationOf(organisation),
  };
}
