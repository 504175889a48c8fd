import type { HubClient } from '@promise-global/sdk/client/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, organisationData, serviceData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

let client: HubClient;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const started = await startTestHub();
  client = started.client;
  closers.push(() => started.hub.close());
  const node = await startTestNode({ partnerId: 'cpft' });
  closers.push(() => node.close());
  await node.publish('organisation', { ...organisationData('cpft') });
  for (let i = 0; i < 9; i++) {
    await node.publish('innovation', {
      ...innovationData('cpft', i, {
        summary: `Summary ${i} about crisis care.`,
        ...(i === 4 ? { status: 'submitted', submittedAt: '2026-01-05T10:00:00+01:00' } : {}),
      }),
    });
  }
  await node.publish('service', {
    ...serviceData('cpft', 1, {
      name: 'Youth crisis line',
      minAge: 11,
      maxAge: 25,
      assuredAt: '2026-01-02T10:00:00Z',
      reviewDue: '2026-07-01',
      schedules: [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' }],
    }),
  });
  await node.publish('service', { ...serviceData('cpft', 2, { name: 'Adult crisis house' }) });
  await node.publish('service', {
    ...serviceData('cpft', 3, { name: 'Later life crisis team', minAge: 65 }),
  });
  await enrolAndApprove(started.operator, node.url, node.key.kid);
  await started.operator.syncNode({ partnerId: 'cpft' });
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('search results a card can show without reading the record', () => {
  it('gives innovation hits their summary, dates and the total number of matches', async () => {
    const page = await client.searchInnovations({ q: 'crisis', limit: 4 });
    expect(page.total).toBe(9);
    expect(page.items).toHaveLength(4);
    const submitted = (await client.searchInnovations({ q: 'Summary 4' })).items.find((hit) =>
      hit.summary.startsWith('Summary 4'),
    );
    expect(submitted).toMatchObject({
      summary: 'Summary 4 about crisis care.',
      status: 'submitted',
      submittedAt: '2026-01-05T10:00:00+01:00',
    });
    const next = await client.searchInnovations({
      q: 'crisis',
      limit: 4,
      cursor: page.nextCursor ?? '',
    });
    expect(next.total).toBe(9);
  });

  it('counts no matches as a total of zero', async () => {
    expect(await client.searchInnovations({ q: 'xylophonequartz' })).toMatchObject({
      items: [],
      total: 0,
      nextCursor: null,
    });
    expect((await client.searchServices({ filters: { age: 130 }, q: 'crisis' })).total).toBe(2);
  });

  it('sorts newest first with a query, with cursors that walk every match exactly once', async () => {
    const seen: string[] = [];
    const dates: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.searchInnovations({
        q: 'crisis',
        sort: 'newest',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.total).toBe(9);
      seen.push(...page.items.map((hit) => hit.id));
      dates.push(...page.items.map((hit) => hit.updatedAt));
      expect(page.items.every((hit) => hit.highlights.summary.some((part) => part.match))).toBe(
        true,
      );
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(9);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('refuses a relevance cursor for a newest-first search', async () => {
    const page = await client.searchInnovations({ q: 'crisis', limit: 2 });
    await expect(
      client.searchInnovations({ q: 'crisis', sort: 'newest', cursor: page.nextCursor ?? '' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('gives service hits phones, hours, ages, assurance dates and the organisation name', async () => {
    const page = await client.searchServices({ q: 'youth' });
    expect(page.total).toBe(page.items.length);
    expect(page.items.find((hit) => hit.name === 'Youth crisis line')).toMatchObject({
      name: 'Youth crisis line',
      organisationName: 'cpft Community Trust',
      phones: [{ number: '01632 960001', type: 'voice' }],
      hours: ['Mon to Fri, 09:00 to 17:00'],
      minAge: 11,
      maxAge: 25,
      assuredAt: '2026-01-02T10:00:00Z',
      reviewDue: '2026-07-01',
      status: 'active',
      urgency: 'non_urgent',
      referralRoutes: ['gp', 'self'],
    });
  });

  it('filters services by an age inside their stated range', async () => {
    const names = async (age: number) =>
      (await client.searchServices({ filters: { age } })).items.map((hit) => hit.name).sort();
    expect(await names(16)).toEqual(['Adult crisis house', 'Youth crisis line']);
    expect(await names(40)).toEqual(['Adult crisis house']);
    expect(await names(70)).toEqual(['Adult crisis house', 'Later life crisis team']);
    expect((await client.searchServices({ filters: { age: 70 } })).total).toBe(2);
  });

  it('lists partners with their description, website and region', async () => {
    const [partner] = await client.partners();
    expect(partner).toMatchObject({
      partnerId: 'cpft',
      description: 'A fictional partner used in tests.',
      website: 'https://example.org/',
      region: null,
    });
  });
});
