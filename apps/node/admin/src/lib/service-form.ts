import type { Service } from './types.js';

export interface PhoneDraft {
  number: string;
  type: string;
  description: string;
}
export interface ScheduleDraft {
  byday: string[];
  opensAt: string;
  closesAt: string;
  description: string;
}
export interface AreaDraft {
  name: string;
  code: string;
}
export interface LocationDraft {
  type: string;
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postcode: string;
  country: string;
  url: string;
  accessibility: string;
}
export interface RouteDraft {
  route: string;
  teamName: string;
  description: string;
}

/** The service form's state: every field of the schema, as the controls hold it. */
export interface ServiceDraft {
  organisationId: string;
  name: string;
  description: string;
  status: string;
  url: string;
  email: string;
  phones: PhoneDraft[];
  available24x7: boolean;
  schedules: ScheduleDraft[];
  serviceAreas: AreaDraft[];
  locations: LocationDraft[];
  eligibilityDescription: string;
  minAge: string;
  maxAge: string;
  languages: string;
  urgency: string;
  responseTarget: string;
  responseDescription: string;
  referralRoutes: RouteDraft[];
  categories: string[];
  reviewDue: string;
}

/** Common response targets, so nobody has to know ISO 8601 durations. */
export const RESPONSE_TARGETS = [
  { value: 'PT1H', label: 'Within 1 hour' },
  { value: 'PT4H', label: 'Within 4 hours' },
  { value: 'PT24H', label: 'Within 24 hours' },
  { value: 'P3D', label: 'Within 3 days' },
  { value: 'P7D', label: 'Within 1 week' },
  { value: 'P14D', label: 'Within 2 weeks' },
  { value: 'P28D', label: 'Within 4 weeks' },
] as const;

export const DAY_NAMES: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

export const newPhone = (): PhoneDraft => ({ number: '', type: 'voice', description: '' });
export const newSchedule = (): ScheduleDraft => ({
  byday: [],
  opensAt: '09:00',
  closesAt: '17:00',
  description: '',
});
export const newArea = (): AreaDraft => ({ name: '', code: '' });
export const newRoute = (): RouteDraft => ({ route: 'self', teamName: '', description: '' });
export const newLocation = (): LocationDraft => ({
  type: 'physical',
  name: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postcode: '',
  country: 'GB',
  url: '',
  accessibility: '',
});

export function emptyService(organisationId = ''): ServiceDraft {
  return {
    organisationId,
    name: '',
    description: '',
    status: 'active',
    url: '',
    email: '',
    phones: [],
    available24x7: false,
    schedules: [],
    serviceAreas: [],
    locations: [],
    eligibilityDescription: '',
    minAge: '',
    maxAge: '',
    languages: '',
    urgency: '',
    responseTarget: '',
    responseDescription: '',
    referralRoutes: [],
    categories: [],
    reviewDue: '',
  };
}

export function serviceDraftFrom(service: Service): ServiceDraft {
  return {
    organisationId: service.organisationId,
    name: service.name,
    description: service.description,
    status: service.status,
    url: service.url ?? '',
    email: service.email ?? '',
    phones: service.phones.map((phone) => ({
      number: phone.number,
      type: phone.type,
      description: phone.description ?? '',
    })),
    available24x7: service.available24x7,
    schedules: service.schedules.map((schedule) => ({
      byday: [...schedule.byday],
      opensAt: schedule.opensAt,
      closesAt: schedule.closesAt,
      description: schedule.description ?? '',
    })),
    serviceAreas: service.serviceAreas.map((area) => ({ name: area.name, code: area.code ?? '' })),
    locations: service.locations.map((location) => ({
      type: location.type,
      name: location.name ?? '',
      line1: location.address?.line1 ?? '',
      line2: location.address?.line2 ?? '',
      city: location.address?.city ?? '',
      region: location.address?.region ?? '',
      postcode: location.address?.postcode ?? '',
      country: location.address?.country ?? 'GB',
      url: location.url ?? '',
      accessibility: location.accessibility ?? '',
    })),
    eligibilityDescription: service.eligibilityDescription ?? '',
    minAge: service.minAge === undefined ? '' : String(service.minAge),
    maxAge: service.maxAge === undefined ? '' : String(service.maxAge),
    languages: service.languages.join(', '),
    urgency: service.urgency,
    responseTarget: service.responseStandard?.target ?? '',
    responseDescription: service.responseStandard?.description ?? '',
    referralRoutes: service.referralRoutes.map((route) => ({
      route: route.route,
      teamName: route.route === 'named_team' ? route.teamName : '',
      description: route.description ?? '',
    })),
    categories: [...service.categories],
    reviewDue: service.reviewDue ?? '',
  };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

function age(value: string): number | string | undefined {
  if (value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) ? number : value;
}

/** The API's `ServiceInput`: blank optional fields are left out so the node's rules decide. */
export function serviceInputFrom(draft: ServiceDraft): Record<string, unknown> {
  const input: Record<string, unknown> = {
    organisationId: draft.organisationId,
    name: draft.name,
    description: draft.description,
    status: draft.status,
    url: optional(draft.url),
    email: optional(draft.email),
    phones: draft.phones.map((phone) => ({
      number: phone.number,
      type: phone.type,
      description: optional(phone.description),
    })),
    available24x7: draft.available24x7,
    schedules: draft.schedules.map((schedule) => ({
      byday: schedule.byday,
      opensAt: schedule.opensAt,
      closesAt: schedule.closesAt,
      description: optional(schedule.description),
    })),
    serviceAreas: draft.serviceAreas.map((area) => ({
      name: area.name,
      code: optional(area.code),
    })),
    locations: draft.locations.map((location) => {
      const hasAddress = [
        location.line1,
        location.line2,
        location.city,
        location.region,
        location.postcode,
      ].some((part) => part.trim() !== '');
      return {
        type: location.type,
        name: optional(location.name),
        address: hasAddress
          ? {
              line1: location.line1,
              line2: optional(location.line2),
              city: location.city,
              region: optional(location.region),
              postcode: optional(location.postcode),
              country: location.country.trim().toUpperCase(),
            }
          : undefined,
        url: optional(location.url),
        accessibility: optional(location.accessibility),
      };
    }),
    eligibilityDescription: optional(draft.eligibilityDescription),
    minAge: age(draft.minAge),
    maxAge: age(draft.maxAge),
    languages: draft.languages
      .split(/[,;\s]+/)
      .map((tag) => tag.trim())
      .filter(Boolean),
    urgency: draft.urgency || undefined,
    responseStandard:
      draft.responseTarget.trim() || draft.responseDescription.trim()
        ? { target: draft.responseTarget.trim(), description: draft.responseDescription }
        : undefined,
    referralRoutes: draft.referralRoutes.map((route) =>
      route.route === 'named_team'
        ? { route: route.route, teamName: route.teamName, description: optional(route.description) }
        : { route: route.route, description: optional(route.description) },
    ),
    categories: draft.categories,
    reviewDue: optional(draft.reviewDue),
  };
  return JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
}
