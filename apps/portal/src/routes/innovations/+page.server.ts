import { EVIDENCE_LEVELS, INNOVATION_KINDS, INNOVATION_THEMES } from '@promise-global/schema';
import type { FacetCount } from '@promise-global/sdk/client/hub';
import type { FacetOption } from '@promise-global/ui';
import { countryName } from '#lib/country-name.js';
import type { Follow } from '#lib/follow.js';
import { readInnovationSearch, readPageNumber } from '#lib/search-state.js';
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
  return {
    q: search.q ?? '',
    sort: search.sort ?? 'newest',
    page: readPageNumber(url.searchParams),
    total: results.total,
    nextCursor: results.nextCursor,
    follow: followed(search.q, filters, partners),
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
