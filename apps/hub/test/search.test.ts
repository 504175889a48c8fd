import type { HubClient } from '@promise-global/sdk/client/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, organisationData, serviceData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

let client: HubClient;
const closers: (() => Promise<void>)[] = [];
const nodes: TestNode[] = [];

beforeAll(async () => {
  const started = await startTestHub();
  client = started.client;
  closers.push(() => started.hub.close());
  for (const [partnerId, country] of [
    ['cpft', 'GB'],
    ['yale', 'US'],
  ] as const) {
    const node = await startTestNode({ partnerId, country });
    closers.push(() => node.close());
    nodes.push(node);
    await node.publish('organisation', { ...organisationData(partnerId) });
    for (let i = 0; i < 30; i++) {
      await node.publish('innovation', {
        ...innovationData(
          partnerId,
          i,
          i % 10 === 0 ? { title: `Quiet room ${i}`, kind: 'research_finding' } : {},
        ),
      });
    }
    for (let i = 0; i < 12; i++) await node.publish('service', { ...serviceData(partnerId, i) });
    // Identical texts rank equally: pagination must still see each exactly once.
    for (let i = 100; i < 105; i++) {
      await node.publish('innovation', {
        ...innovationData(partnerId, i, { title: 'Twin', summary: 'Twin', body: 'Twin zebra.' }),
      });
    }
    await enrolAndApprove(started.operator, node.url, node.key.kid);
    await started.operator.syncNode({ partnerId });
  }
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('search', () => {
  it('pages through every match once, in a deterministic order', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.searchInnovations({
        q: 'crisis',
        limit: 7,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((item) => `${item.partnerId}/${item.id}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await client.searchInnovations({ q: 'crisis', limit: 100 });
    expect(all.items.map((item) => `${item.partnerId}/${item.id}`)).toEqual(seen);
    expect(seen.length).toBeGreaterThan(7);
  });

  it('pages through equally ranked results without skipping or repeating', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.searchInnovations({
        q: 'zebra',
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((item) => `${item.partnerId}/${item.id}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
  });

  it('marks the matched words in titles and snippets', async () => {
    const page = await client.searchInnovations({ q: 'quiet room' });
    expect(page.items).toHaveLength(6);
    const first = page.items[0];
    expect(first?.highlights.title.filter((part) => part.match).map((part) => part.text)).toEqual([
      'Quiet',
      'room',
    ]);
  });

  it('filters by facets and counts the facets of the matches', async () => {
    const filtered = await client.searchInnovations({
      filters: { countries: ['US'], kinds: ['research_finding'] },
    });
    expect(filtered.items.map((item) => item.title).sort()).toEqual([
      'Quiet room 0',
      'Quiet room 10',
      'Quiet room 20',
    ]);
    const facets = await client.innovationFacets({ q: 'quiet' });
    expect(facets.country).toEqual([
      { value: 'GB', count: 3 },
      { value: 'US', count: 3 },
    ]);
    expect(facets.kind).toEqual([{ value: 'research_finding', count: 6 }]);
    expect(facets.theme.map((theme) => theme.value)).toContain('crisis_care');
    expect(facets.year).toEqual([{ value: '2025', count: 6 }]);
  });

  it('finds services by area and filters them by 24/7 and referral route', async () => {
    const page = await client.searchServices({
      q: 'hampshire',
      filters: { referralRoutes: ['gp'] },
      limit: 50,
    });
    expect(page.items.length).toBe(12);
    expect(
      page.items.every(
        (item) => item.areas.includes('Hampshire') && item.referralRoutes.includes('gp'),
      ),
    ).toBe(true);
    const allDay = await client.searchServices({ filters: { available24x7: true }, limit: 50 });
    expect(allDay.items.every((item) => item.available24x7)).toBe(true);
    expect(allDay.items).toHaveLength(12);
    const facets = await client.serviceFacets({});
    expect(facets.available24x7).toEqual([
      { value: '0', count: 12 },
      { value: '1', count: 12 },
    ]);
    expect(facets.area).toEqual([
      { value: 'Cambridgeshire', count: 12 },
      { value: 'Hampshire', count: 12 },
    ]);
  });

  it('returns a record with its original JWS and the facts to verify it', async () => {
    const id = innovationData('cpft', 3).id;
    const detail = await client.getRecord({ partnerId: 'cpft', type: 'innovation', id });
    expect(detail).toMatchObject({ partnerId: 'cpft', type: 'innovation', rev: 1, seq: 6 });
    expect(detail?.jws).toBe(nodes[0]?.log[5]);
    expect(detail?.verification.membership).toMatch(/^ey/);
    expect(
      await client.getRecord({ partnerId: 'cpft', type: 'innovation', id: 'nope' }),
    ).toBeNull();
  });

  it('refuses a forged cursor as a bad request', async () => {
    await expect(
      client.searchInnovations({ q: 'crisis', cursor: 'bm90IGEgY3Vyc29y' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('lists partners with their counts and health', async () => {
    expect(await client.partners()).toEqual([
      expect.objectContaining({
        partnerId: 'cpft',
        country: 'GB',
        innovations: 35,
        services: 12,
        health: 'healthy',
      }),
      expect.objectContaining({
        partnerId: 'yale',
        country: 'US',
        innovations: 35,
        services: 12,
        health: 'healthy',
      }),
    ]);
  });
});
