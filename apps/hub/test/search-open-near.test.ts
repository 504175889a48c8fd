import type { HubClient } from '@promise-global/sdk/client/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { organisationData, serviceData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

let client: HubClient;
const closers: (() => Promise<void>)[] = [];

const EVENINGS = [
  { byday: ['MO', 'TU', 'WE', 'TH', 'FR'] as const, opensAt: '17:00', closesAt: '23:00' },
].map((s) => ({ ...s, byday: [...s.byday] }));
const at = (latitude: number, longitude: number, name: string) => ({
  type: 'physical' as const,
  name,
  latitude,
  longitude,
});

beforeAll(async () => {
  const started = await startTestHub();
  client = started.client;
  closers.push(() => started.hub.close());
  const wessex = await startTestNode({ partnerId: 'wessex', country: 'GB', region: 'Wessex' });
  const newHaven = await startTestNode({
    partnerId: 'newhaven',
    country: 'US',
    region: 'Connecticut',
  });
  closers.push(
    () => wessex.close(),
    () => newHaven.close(),
  );
  await wessex.publish('organisation', { ...organisationData('wessex') });
  await newHaven.publish('organisation', { ...organisationData('newhaven') });
  // The same evening hours, read in London and in New York; one without a zone (the reader's).
  await wessex.publish('service', {
    ...serviceData('wessex', 1, {
      name: 'Winchester safe haven',
      available24x7: false,
      schedules: EVENINGS,
      timeZone: 'Europe/London',
      serviceAreas: [{ name: 'Winchester' }],
      locations: [at(51.06, -1.31, 'Winchester')],
    }),
  });
  await wessex.publish('service', {
    ...serviceData('wessex', 3, {
      name: 'Southampton and Basingstoke cafe',
      available24x7: false,
      schedules: EVENINGS,
      serviceAreas: [{ name: 'Southampton' }],
      locations: [at(50.9, -1.4, 'Southampton'), at(51.27, -1.09, 'Basingstoke')],
    }),
  });
  await wessex.publish('service', {
    ...serviceData('wessex', 5, {
      name: 'Wessex phone line',
      available24x7: false,
      schedules: [],
      serviceAreas: [{ name: 'Winchester' }],
      locations: [],
    }),
  });
  await newHaven.publish('service', {
    ...serviceData('newhaven', 1, {
      name: 'New Haven drop-in',
      available24x7: false,
      schedules: EVENINGS,
      timeZone: 'America/New_York',
      serviceAreas: [{ name: 'New Haven County' }],
      locations: [at(41.31, -72.92, 'New Haven')],
    }),
  });
  for (const node of [wessex, newHaven]) {
    await enrolAndApprove(started.operator, node.url, node.key.kid);
  }
  await started.operator.syncNode({ partnerId: 'wessex' });
  await started.operator.syncNode({ partnerId: 'newhaven' });
}, 60_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const names = (page: { items: { name: string }[] }) => page.items.map((hit) => hit.name);

describe('"open now": each service read in its own time zone', () => {
  it('at one instant, finds the London evening service open and the New York one not', async () => {
    // Thursday 3 December 2026, 17:30 UTC: 17:30 in London, 12:30 in New York.
    const filters = { openAt: '2026-12-03T17:30:00Z', fallbackTimeZone: 'Europe/London' };
    const page = await client.searchServices({ filters });
    expect(names(page).sort()).toEqual([
      'Southampton and Basingstoke cafe',
      'Winchester safe haven',
    ]);
    // Without a point to measure from, no hit claims a distance.
    expect(page.items.map((hit) => hit.distanceKm)).toEqual([null, null]);
    // 22:30 UTC: 22:30 in London (open), 17:30 in New York (open).
    const later = { openAt: '2026-12-03T22:30:00Z', fallbackTimeZone: 'Europe/London' };
    expect(names(await client.searchServices({ filters: later })).sort()).toEqual([
      'New Haven drop-in',
      'Southampton and Basingstoke cafe',
      'Winchester safe haven',
    ]);
    // 03:30 UTC Friday: 22:30 Thursday in New York only.
    const night = { openAt: '2026-12-04T03:30:00Z', fallbackTimeZone: 'Europe/London' };
    expect(names(await client.searchServices({ filters: night }))).toEqual(['New Haven drop-in']);
  });

  it('reads a service without a zone in the fallback zone, and counts facets the same way', async () => {
    const filters = { openAt: '2026-12-03T22:30:00Z', fallbackTimeZone: 'America/New_York' };
    // 17:30 in New York for the café with no zone of its own: open; the London ones say their own.
    expect(names(await client.searchServices({ filters })).sort()).toEqual([
      'New Haven drop-in',
      'Southampton and Basingstoke cafe',
      'Winchester safe haven',
    ]);
    const early = { openAt: '2026-12-03T17:30:00Z', fallbackTimeZone: 'America/New_York' };
    expect(names(await client.searchServices({ filters: early }))).toEqual([
      'Winchester safe haven',
    ]);
    const facets = await client.serviceFacets({ filters: early });
    expect(facets.area).toEqual([{ value: 'Winchester', count: 1 }]);
  });

  it('refuses an unknown time zone and a malformed instant', async () => {
    await expect(
      client.searchServices({ filters: { openAt: 'now', fallbackTimeZone: 'Europe/London' } }),
    ).rejects.toThrow();
    await expect(
      client.searchServices({
        filters: { openAt: '2026-12-03T17:30:00Z', fallbackTimeZone: 'Mars/Olympus' },
      }),
    ).rejects.toThrow(/time zone/);
  });
});

describe('nearest first', () => {
  it('orders by the nearest place, says how far, and puts services without a place last', async () => {
    // Rounded position in Winchester.
    const page = await client.searchServices({ near: { latitude: 51.06, longitude: -1.31 } });
    expect(names(page)).toEqual([
      'Winchester safe haven',
      'Southampton and Basingstoke cafe',
      'New Haven drop-in',
      'Wessex phone line',
    ]);
    const [winchester, cafe, newHaven, phone] = page.items;
    expect(winchester?.distanceKm).toBe(0);
    // The café's nearer place is Southampton (about 19 km), not Basingstoke (about 25 km).
    expect(cafe?.distanceKm).toBeGreaterThan(18);
    expect(cafe?.distanceKm).toBeLessThan(20);
    expect(newHaven?.distanceKm).toBeGreaterThan(5300);
    expect(phone?.distanceKm).toBeNull();
    expect(cafe?.places).toEqual([
      { latitude: 50.9, longitude: -1.4 },
      { latitude: 51.27, longitude: -1.09 },
    ]);
    expect(winchester?.timeZone).toBe('Europe/London');
    expect(cafe?.timeZone).toBeNull();
  });

  it('pages through every match exactly once, with the total, and honours filters and a query', async () => {
    const near = { latitude: 41.3, longitude: -72.9 };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.searchServices({ near, limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(4);
      seen.push(...names(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // From New Haven, Southampton (5,394 km) is just nearer than Winchester (5,394.2 km).
    expect(seen).toEqual([
      'New Haven drop-in',
      'Southampton and Basingstoke cafe',
      'Winchester safe haven',
      'Wessex phone line',
    ]);
    const filtered = await client.searchServices({ near, filters: { areas: ['Winchester'] } });
    expect(names(filtered)).toEqual(['Winchester safe haven', 'Wessex phone line']);
    const queried = await client.searchServices({ near, q: 'Southampton' });
    expect(names(queried)).toEqual(['Southampton and Basingstoke cafe']);
  });

  it('refuses a point off the globe', async () => {
    await expect(client.searchServices({ near: { latitude: 91, longitude: 0 } })).rejects.toThrow();
  });
});

describe('areas by place', () => {
  it('names each area’s country and region, from its partner', async () => {
    const facets = await client.serviceFacets({});
    expect(facets.areaPlaces).toEqual([
      { area: 'New Haven County', country: 'US', region: 'Connecticut' },
      { area: 'Southampton', country: 'GB', region: 'Wessex' },
      { area: 'Winchester', country: 'GB', region: 'Wessex' },
    ]);
  });
});
