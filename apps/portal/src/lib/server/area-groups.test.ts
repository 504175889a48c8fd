import { describe, expect, it } from 'vitest';
import { areaGroups } from './area-groups.js';

const option = (value: string, count = 1) => ({ value, label: value, count });

describe('areaGroups', () => {
  const places = [
    { area: 'New Haven County', country: 'US', region: 'Connecticut' },
    { area: 'Winchester', country: 'GB', region: 'Hampshire' },
    { area: 'Basingstoke', country: 'GB', region: 'Hampshire' },
    { area: 'Peterborough', country: 'GB', region: 'East of England' },
    { area: 'PROMISE partner organisations worldwide', country: 'GB', region: null },
  ];
  const options = [
    option('Winchester'),
    option('New Haven County'),
    option('Peterborough'),
    option('Basingstoke'),
    option('PROMISE partner organisations worldwide'),
    option('Gone away', 0),
  ];

  it('groups areas country → region → district, the reader’s country first', () => {
    const groups = areaGroups(options, places, 'GB');
    expect(groups.map((group) => group.country)).toEqual([
      'United Kingdom',
      'Other places',
      'United States',
    ]);
    const uk = groups[0];
    expect(uk?.regions.map((region) => region.region)).toEqual([
      'East of England',
      'Hampshire',
      'Across the country',
    ]);
    expect(uk?.regions[1]?.options.map((o) => o.value)).toEqual(['Basingstoke', 'Winchester']);
    expect(groups[1]?.regions[0]?.options.map((o) => o.value)).toEqual(['Gone away']);
  });

  it('puts a US reader’s country first', () => {
    expect(areaGroups(options, places, 'US')[0]?.country).toBe('United States');
  });

  it('keeps every option exactly once', () => {
    const all = areaGroups(options, places, 'GB').flatMap((group) =>
      group.regions.flatMap((region) => region.options.map((o) => o.value)),
    );
    expect(all.sort()).toEqual(options.map((o) => o.value).sort());
  });
});
