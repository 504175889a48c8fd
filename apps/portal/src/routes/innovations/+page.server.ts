import { EVIDENCE_LEVELS, INNOVATION_KINDS, INNOVATION_THEMES } from '@promise-global/schema';
import type { FacetCount, HubClient } from '@promise-global/sdk/client/hub';
import type { FacetOption } from '@promise-global/ui';
import { countryName } from '#lib/country-name.js';
import { dropOneWord, type Suggestion, withoutValue, withQuery } from '#lib/empty-search.js';
import type { Follow } from '#lib/follow.js';
import { INNOVATION_PARAMS, readInnovationSearch, readPageNumber } from '#lib/search-state.js';
import { follow, NETWORK_FEED, partnerFollow, themeFollow } from '#lib/server/feeds.js';
import { fromHub } from '#lib/server/hub-errors.js';
import { innovationCards } from '#lib/server/innovation-cards.js';
import { label } from '#lib/server/labels.js';
import { partnerDirectory } from '#lib/server/partners.js';
import { getPortal } from '#lib/server/portal.js';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 10;

function options(
  counts: readonly FacetCount[],
  selected: readonly string[],
  label: (value: string) => string,
  order?: readonly string[],
): FacetOption[] {
  const byValue = new Map(counts.map((count) => [count.value, count.count]));
  for (const value of selected) if (!byValue.has(value)) byValue.set(value, 0);
  const values = [...byValue.keys()];
  if (order) values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return values.map((value) => ({ value, label: label(value), count: byValue.get(value) ?? 0 }));
}

/**
 * The feed that lists exactly what the page lists, newest first: the network's, one theme's or one
 * partner's. None for a text search or any other filter.
 */
function followed(
  q: string | undefined,
  filters: NonNullable<ReturnType<typeof readInnovationSearch>['filters']>,
  partners: ReadonlyMap<string, { name: string }>,
): Follow | null {
  if (q || filters.takenUp) return null;
  const used = Object.entries(filters).filter(
    (entry): entry is [string, (string | number)[]] =>
      Array.isArray(entry[1]) && entry[1].length > 0,
  );
  if (used.length === 0) return follow(NETWORK_FEED.name, NETWORK_FEED.title, NETWORK_FEED.prefix);
  const [only] = used;
  if (used.length > 1 || only?.[1]?.length !== 1) return null;
  const value = String(only[1][0]);
  if (only[0] === 'themes' && (INNOVATION_THEMES as readonly string[]).includes(value))
    return themeFollow(value, label(value));
  const partner = only[0] === 'partners' ? partners.get(value) : undefined;
  return partner ? partnerFollow(value, partner.name) : null;
}

type Filters = NonNullable<ReturnType<typeof readInnovationSearch>['filters']>;

/**
 * Ways on from a search that found nothing: the nearest searches that do find pieces (a word left
 * out, or the words without the filters), each filter to remove, and themes to browse.
 */
async function waysOn(
  hub: HubClient,
  url: URL,
  q: string | undefined,
  filters: Filters,
  filterLabel: (param: string, value: string) => string,
) {
  const count = async (text: string | undefined, withFilters: Filters) =>
    (await hub.searchInnovations({ q: text, filters: withFilters, limit: 1 })).total;
  const filtered = Object.values(filters).some((values) => values?.length);
  const tries: { q: string | null; filters: Filters; text: string }[] = [
    ...dropOneWord(q ?? '').map((shorter) => ({
      q: shorter,
      filters,
      text: `Search for “${shorter}”`,
    })),
    ...(q && filtered ? [{ q, filters: {}, text: `Search all pieces for “${q}”` }] : []),
  ];
  const [counts, facets] = await Promise.all([
    Promise.all(tries.map((option) => count(option.q ?? undefined, option.filters))),
    hub.innovationFacets({}),
  ]);
  const nearest: Suggestion[] = tries.flatMap((option, index) => {
    const found = counts[index] ?? 0;
    if (found === 0) return [];
    const href =
      option.filters === filters
        ? withQuery(url, option.q)
        : `/innovations?q=${encodeURIComponent(q ?? '')}`;
    return [{ href, text: option.text, count: found }];
  });
  const removeFilter: Suggestion[] = Object.entries(INNOVATION_PARAMS).flatMap(([key, param]) =>
    (filters[key as keyof typeof INNOVATION_PARAMS] ?? []).map((value) => ({
      href: withoutValue(url, param, String(value)),
      text: `Remove the filter “${filterLabel(param, String(value))}”`,
    })),
  );
  const themes: Suggestion[] = facets.theme
    .filter((facet) => facet.count > 0)
    .slice(0, 6)
    .map((facet) => ({
      href: `/innovations?theme=${encodeURIComponent(facet.value)}`,
      text: label(facet.value),
      count: facet.count,
    }));
  return { nearest, removeFilter, themes };
}

export const load: PageServerLoad = async ({ url }) => {
  const { hub } = getPortal();
  const search = readInnovationSearch(url.searchParams);
  const filters = search.filters ?? {};
  const [results, facets, partners] = await fromHub(() =>
    Promise.all([
      hub.searchInnovations({ ...search, limit: PAGE_SIZE }),
      hub.innovationFacets({ q: search.q, filters }),
      partnerDirectory(),
    ]),
  );
  const partnerName = (id: string) => partners.get(id)?.name ?? id;
  const years = (filters.years ?? []).map(String);
  const filterLabel = (param: string, value: string) =>
    param === INNOVATION_PARAMS.partners
      ? partnerName(value)
      : param === INNOVATION_PARAMS.countries
        ? countryName(value)
        : param === INNOVATION_PARAMS.years
          ? value
          : label(value);
  const empty =
    results.total === 0
      ? await fromHub(() => waysOn(hub, url, search.q, filters, filterLabel))
      : null;
  return {
    q: search.q ?? '',
    sort: search.sort ?? 'newest',
    page: readPageNumber(url.searchParams),
    total: results.total,
    nextCursor: results.nextCursor,
    follow: followed(search.q, filters, partners),
    empty,
    hits: innovationCards(results.items, partners),
    facets: {
      theme: options(facets.theme, filters.themes ?? [], label, INNOVATION_THEMES),
      kind: options(facets.kind, filters.kinds ?? [], label, INNOVATION_KINDS),
      partner: options(facets.partner, filters.partners ?? [], partnerName),
      country: options(facets.country, filters.countries ?? [], countryName),
      year: options(facets.year, years, (value) => value).sort((a, b) =>
        b.value.localeCompare(a.value),
      ),
      evidence: options(facets.evidenceLevel, filters.evidenceLevels ?? [], label, EVIDENCE_LEVELS),
    },
    takenUp: filters.takenUp === true,
    selected: {
      theme: filters.themes ?? [],
      kind: filters.kinds ?? [],
      partner: filters.partners ?? [],
      country: filters.countries ?? [],
      year: years,
      evidence: filters.evidenceLevels ?? [],
    },
  };
};
