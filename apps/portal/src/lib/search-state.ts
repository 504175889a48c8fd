import type { InnovationSearchInput, ServiceSearchInput } from '@promise-global/sdk/client/hub';

/** URL parameter names: short, readable, stable (people share these links). */
export const INNOVATION_PARAMS = {
  themes: 'theme',
  kinds: 'kind',
  partners: 'partner',
  countries: 'country',
  years: 'year',
  evidenceLevels: 'evidence',
} as const;

/** `takenup=yes`: only pieces other partners are exploring, piloting or have adopted. */
export const TAKEN_UP_PARAM = 'takenup';

export const SERVICE_PARAMS = {
  categories: 'category',
  urgencies: 'urgency',
  referralRoutes: 'route',
  areas: 'area',
  partners: 'partner',
} as const;

const MAX_VALUES = 20;

function values(params: URLSearchParams, name: string): string[] {
  return [
    ...new Set(
      params
        .getAll(name)
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_VALUES);
}

function query(params: URLSearchParams): string | undefined {
  const q = params.get('q')?.trim().slice(0, 200);
  return q ? q : undefined;
}

function cursor(params: URLSearchParams): string | undefined {
  const value = params.get('cursor');
  return value && value.length <= 200 ? value : undefined;
}

/** The innovation search a URL describes (the URL holds the whole state). */
export function readInnovationSearch(params: URLSearchParams): InnovationSearchInput {
  const years = values(params, INNOVATION_PARAMS.years)
    .map(Number)
    .filter((year) => Number.isInteger(year) && year >= 1900 && year <= 2200);
  const filters = {
    themes: values(params, INNOVATION_PARAMS.themes),
    kinds: values(params, INNOVATION_PARAMS.kinds),
    partners: values(params, INNOVATION_PARAMS.partners),
    countries: values(params, INNOVATION_PARAMS.countries),
    years,
    evidenceLevels: values(params, INNOVATION_PARAMS.evidenceLevels),
  };
  const q = query(params);
  // Without words to rank by, the newest come first; with them, the reader may ask for newest.
  // Either way the reader may ask for the pieces taken up by most partners first.
  const asked = params.get('sort');
  const sort = asked === 'spread' ? 'spread' : !q || asked === 'newest' ? 'newest' : 'relevance';
  const takenUp = params.get(TAKEN_UP_PARAM) === 'yes';
  return { q, filters: takenUp ? { ...filters, takenUp } : filters, sort, cursor: cursor(params) };
}

/** The service search a URL describes; `open247=yes` asks for services open all hours. */
export function readServiceSearch(params: URLSearchParams): ServiceSearchInput {
  const filters: NonNullable<ServiceSearchInput['filters']> = {
    categories: values(params, SERVICE_PARAMS.categories),
    urgencies: values(params, SERVICE_PARAMS.urgencies),
    referralRoutes: values(params, SERVICE_PARAMS.referralRoutes),
    areas: values(params, SERVICE_PARAMS.areas),
    partners: values(params, SERVICE_PARAMS.partners),
  };
  if (params.get('open247') === 'yes') filters.available24x7 = true;
  return { q: query(params), filters, cursor: cursor(params) };
}

/** The page's number for display ("Page 2"); the cursor carries the real position. */
export function readPageNumber(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 1 && page < 10_000 ? page : 1;
}

/** A copy of the URL's search with some parameters replaced (or removed when null). */
export function withParams(
  url: Pick<URL, 'pathname' | 'search'>,
  changes: Record<string, string | null>,
): string {
  const params = new URLSearchParams(url.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const search = params.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}
