import { REFERRAL_ROUTES, SERVICE_CATEGORIES, URGENCIES } from '@promise-global/schema';
import type { FacetCount, ServiceSearchInput } from '@promise-global/sdk/client/hub';
import type { FacetOption } from '@promise-global/ui';
import { finderWaysOn } from '#lib/finder-ways-on.js';
import { readNear } from '#lib/near.js';
import { readPageNumber, readServiceSearch, SERVICE_PARAMS } from '#lib/search-state.js';
import { areaGroups } from '#lib/server/area-groups.js';
import { follow } from '#lib/server/feeds.js';
import { helplinesFor } from '#lib/server/helplines.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { label } from '#lib/server/labels.js';
import { getPortal } from '#lib/server/portal.js';
import { helpNowOrder, serviceCards } from '#lib/server/service-cards.js';
import type { PageServerLoad } from './$types';

const CRISIS_LIMIT = 30;
const PAGE_SIZE = 10;
const CRISIS = ['emergency', 'urgent'];

function options(
  counts: readonly FacetCount[],
  selected: readonly string[],
  order?: readonly string[],
): FacetOption[] {
  const byValue = new Map(counts.map((count) => [count.value, count.count]));
  for (const value of selected) if (!byValue.has(value)) byValue.set(value, 0);
  const values = [...byValue.keys()];
  values.sort(order ? (a, b) => order.indexOf(a) - order.indexOf(b) : (a, b) => a.localeCompare(b));
  return values.map((value) => ({ value, label: label(value), count: byValue.get(value) ?? 0 }));
}

function readAge(params: URLSearchParams): number | null {
  const raw = params.get('age')?.trim();
  if (!raw) return null;
  const age = Number(raw);
  return Number.isInteger(age) && age >= 0 && age <= 120 ? age : null;
}

/** The one country the listed services' partners are in, when an area was chosen; else null. */
function countryOfAreas(
  partnerIds: readonly string[],
  partners: ReadonlyArray<{ partnerId: string; country: string | null }>,
): string | null {
  const countries = new Set(
    partnerIds.map((id) => partners.find((partner) => partner.partnerId === id)?.country ?? null),
  );
  const [only] = countries;
  return countries.size === 1 && only ? only.toUpperCase() : null;
}

export const load: PageServerLoad = async ({ url }) => {
  const { hub, config } = getPortal();
  const search = readServiceSearch(url.searchParams);
  const filters = search.filters ?? {};
  const age = readAge(url.searchParams);
  const near = readNear(url.searchParams);
  const now = Date.now();
  // "Open now": each service's hours in its own time zone (the portal's when it names none).
  const openNow = url.searchParams.get('open') === 'now';
  if (openNow) {
    filters.openAt = new Date(Math.floor(now / 60_000) * 60_000).toISOString(); // hours are to the minute
    filters.fallbackTimeZone = config.timeZone;
  }
  const chosen = filters.urgencies?.length ? filters.urgencies : [...URGENCIES];
  const crisisUrgencies = chosen.filter((urgency) => CRISIS.includes(urgency));
  const otherUrgencies = chosen.filter((urgency) => !CRISIS.includes(urgency));
  if (age !== null) filters.age = age;
  const query = (urgencies: string[], extra: Partial<ServiceSearchInput>): ServiceSearchInput => ({
    q: search.q,
    filters: { ...filters, urgencies },
    ...(near ? { near } : {}),
    ...extra,
  });
  const none = { items: [], nextCursor: null, total: 0 };
  // Crisis services lead the first page; later pages ask only for their count.
  const [crisis, others, facets, partners] = await fromHub(() =>
    Promise.all([
      crisisUrgencies.length
        ? hub.searchServices(query(crisisUrgencies, { limit: search.cursor ? 1 : CRISIS_LIMIT }))
        : Promise.resolve(none),
      otherUrgencies.length
        ? hub.searchServices(query(otherUrgencies, { limit: PAGE_SIZE, cursor: search.cursor }))
        : Promise.resolve(none),
      hub.serviceFacets({ q: search.q, filters }),
      filters.areas?.length ? hub.partners() : Promise.resolve([]),
    ]),
  );
  // The reader's country: where the chosen area's services are, else the portal's own.
  const country = filters.areas?.length
    ? countryOfAreas(
        [...crisis.items, ...others.items].map((hit) => hit.partnerId),
        partners,
      )
    : null;
  const helpNow = search.cursor
    ? []
    : helpNowOrder(serviceCards(crisis.items), new Date(now), config.timeZone);
  const filterCount =
    Object.values(filters).reduce(
      (sum, value) => sum + (Array.isArray(value) ? value.length : 0),
      0,
    ) +
    (filters.available24x7 ? 1 : 0) +
    (openNow ? 1 : 0) +
    (age !== null ? 1 : 0);
  const total = crisis.total + others.total;
  const waysOn =
    total > 0
      ? []
      : finderWaysOn(
          url,
          {
            q: search.q ?? '',
            lists: filters,
            openNow,
            open247: filters.available24x7 === true,
            age,
          },
          (param, value) => (param === SERVICE_PARAMS.areas ? value : label(value)),
        );
  return {
    q: search.q ?? '',
    age,
    waysOn,
    open247: filters.available24x7 === true,
    openNow,
    near,
    timeZone: config.timeZone,
    page: readPageNumber(url.searchParams),
    nextCursor: others.nextCursor,
    total,
    crisis: helpNow.filter((card) => card.audience !== 'professionals'),
    forProfessionals: helpNow.filter((card) => card.audience === 'professionals'),
    others: serviceCards(others.items),
    now,
    filterCount,
    helplines: await helplinesFor(country),
    follow: follow('changes to crisis services', 'Changes to crisis services', '/services/crisis'),
    facets: {
      area: areaGroups(
        options(facets.area, filters.areas ?? []),
        facets.areaPlaces ?? [],
        config.country,
      ),
      category: options(facets.category, filters.categories ?? [], SERVICE_CATEGORIES),
      urgency: options(facets.urgency, filters.urgencies ?? [], URGENCIES),
      route: options(
        facets.referralRoute.filter(
          (facet) =>
            facet.value === 'self' || facet.value === 'carer_family' || facet.value === 'gp',
        ),
        filters.referralRoutes ?? [],
        REFERRAL_ROUTES,
      ),
    },
    selected: {
      area: filters.areas ?? [],
      category: filters.categories ?? [],
      urgency: filters.urgencies ?? [],
      route: filters.referralRoutes ?? [],
    },
  };
};
