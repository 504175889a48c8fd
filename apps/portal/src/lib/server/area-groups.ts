import type { AreaPlace } from '@promise-global/sdk/client/hub';
import type { FacetOption } from '@promise-global/ui';
import { countryName } from '#lib/country-name.js';

/** Areas of one region, in the area filter's second level. */
export interface RegionGroup {
  region: string;
  options: FacetOption[];
}

/** The area filter's first level: a country, its regions, their districts. */
export interface CountryGroup {
  country: string;
  regions: RegionGroup[];
}

const countryOrOther = (code: string | null) => countryName(code) || 'Other places';

const NO_REGION = 'Across the country';
const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');

/**
 * Area options grouped country → region → district (the areas themselves), from each area's
 * partner's country and region. The reader's country comes first, then the others by name;
 * regions and areas by name. A chosen area the hub no longer places goes under "Other places",
 * so a choice is never hidden.
 */
export function areaGroups(
  options: readonly FacetOption[],
  places: readonly AreaPlace[],
  readerCountry: string,
): CountryGroup[] {
  const placeOf = new Map(places.map((place) => [place.area, place]));
  const countries = new Map<string, Map<string, FacetOption[]>>();
  for (const option of options) {
    const place = placeOf.get(option.value);
    const country = countryOrOther(place?.country ?? null);
    const region = place ? (place.region ?? NO_REGION) : NO_REGION;
    const regions = countries.get(country) ?? new Map<string, FacetOption[]>();
    countries.set(country, regions);
    regions.set(region, [...(regions.get(region) ?? []), option]);
  }
  const first = countryOrOther(readerCountry);
  return [...countries.entries()]
    .sort(([a], [b]) => (a === first ? -1 : b === first ? 1 : byName(a, b)))
    .map(([country, regions]) => ({
      country,
      regions: [...regions.entries()]
        .sort(([a], [b]) => (a === NO_REGION ? 1 : b === NO_REGION ? -1 : byName(a, b)))
        .map(([region, list]) => ({
          region,
          options: [...list].sort((a, b) => byName(a.label, b.label)),
        })),
    }));
}
