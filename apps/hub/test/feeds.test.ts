import type { InnovationHit } from '@promise-global/sdk/client/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import type { FeedFormat } from '../src/syndication/feed-document.js';
import { readFeed } from '../src/syndication/test-support/read-feed.js';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, organisationData, serviceData, testUuid } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

const PORTAL = 'https://portal.example.org';
const FORMATS: ReadonlyArray<[string, FeedFormat]> = [
  ['rss.xml', 'rss'],
  ['atom.xml', 'atom'],
  ['feed.json', 'json'],
];
const THEME_LABELS: Record<string, string> = {
  crisis_care: 'Crisis care',
  peer_support_and_lived_experience: 'Peer support and lived experience',
  carers: 'Carers',
};

let hub: Hub;
let client: Awaited<ReturnType<typeof startTestHub>>['client'];
let operator: Awaited<ReturnType<typeof startTestHub>>['operator'];
let cpft: TestNode;
let yale: TestNode;
const closers: (() => Promise<void>)[] = [];

const sync = async (node: TestNode) => operator.syncNode({ partnerId: node.partnerId });
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${hub.url}${path}`, { headers });

/** Every item of the feed at `path`, in all three formats, read with an independent parser. */
async function readAll(path: string) {
  const read = [];
  for (const [file, format] of FORMATS) {
    const response = await get(`${path}/${file}`);
    expect(response.status, `${path}/${file}`).toBe(200);
    read.push({ format, feed: readFeed(await response.text(), format) });
  }
  return read;
}

/** What a reader should see for each hit the portal lists (its cards name the partner so). */
async function expected(hits: readonly InnovationHit[]) {
  const partners = new Map((await client.partners()).map((p) => [p.partnerId, p.name]));
  return hits.map((hit) => ({
    title: hit.title,
    link: `${PORTAL}/innovations/${hit.partnerId}/${hit.id}`,
    json: `${hub.url}/records/${hit.partnerId}/innovation/${hit.id}`,
    authors: [partners.get(hit.partnerId)],
    categories: hit.themes.map((theme) => THEME_LABELS[theme]),
  }));
}

beforeAll(async () => {
  const started = await startTestHub({ portalUrl: `${PORTAL}/` });
  ({ hub, client, operator } = started);
  closers.push(() => hub.close());
  cpft = await startTestNode({ partnerId: 'cpft' });
  yale = await startTestNode({ partnerId: 'yale', country: 'US' });
  closers.push(cpft.close, yale.close);
  await cpft.publish('organisation', { ...organisationData('cpft') });
  await cpft.publish('innovation', {
    ...innovationData('cpft', 0, { title: 'A&E <b>visits</b> halved' }),
  });
  await cpft.publish('innovation', {
    ...innovationData('cpft', 1, {
      status: 'submitted',
      publishedAt: undefined,
      submittedAt: '2025-01-01T05:00:00Z',
    }),
  });
  await cpft.publish('innovation', { ...innovationData('cpft', 2, { status: 'scheduled' }) });
  await cpft.publish('innovation', { ...innovationData('cpft', 3, { status: 'withdrawn' }) });
  await cpft.publish('innovation', { ...innovationData('cpft', 4, { status: 'draft' }) });
  await yale.publish('innovation', { ...innovationData('yale', 5) });
  for (const node of [cpft, yale]) {
    await enrolAndApprove(operator, node.url, node.key.kid);
    await sync(node);
  }
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

describe('innovations feeds', () => {
  it('carry what the portal lists, newest first, each linking to its portal page and signed record', async () => {
    const listed = await client.searchInnovations({ limit: 50 });
    expect(listed.items.map((hit) => hit.status).sort()).toEqual([
      'published',
      'published',
      'scheduled',
      'submitted',
    ]);
    for (const { format, feed } of await readAll('')) {
      expect(feed.items, format).toMatchObject(await expected(listed.items));
      expect(feed.homePage, format).toBe(`${PORTAL}/innovations`);
      expect(new Set(feed.items.map((item) => item.id)).size, format).toBe(listed.items.length);
      for (const item of feed.items) expect(item.published?.getTime(), format).not.toBeNaN();
    }
  });

  it('follow one theme or one partner exactly as the portal filters them', async () => {
    const crisis = await client.searchInnovations({
      filters: { themes: ['crisis_care'] },
      limit: 50,
    });
    const fromYale = await client.searchInnovations({ filters: { partners: ['yale'] }, limit: 50 });
    expect(crisis.items.length).toBeGreaterThan(0);
    for (const { format, feed } of await readAll('/themes/crisis_care')) {
      expect(feed.items, format).toMatchObject(await expected(crisis.items));
      expect(feed.homePage, format).toBe(`${PORTAL}/innovations?theme=crisis_care`);
      expect(feed.title, format).toBe('PROMISE Network: Crisis care');
    }
    for (const { format, feed } of await readAll('/partners/yale')) {
      expect(feed.items, format).toMatchObject(await expected(fromYale.items));
      expect(feed.homePage, format).toBe(`${PORTAL}/partners/yale`);
      expect(feed.title, format).toBe('PROMISE Network: Node yale');
    }
  });

  it('answer 404 for a theme or partner the network does not have', async () => {
    for (const path of ['/themes/astrology', '/themes/constructor', '/partners/nobody'])
      for (const [file] of FORMATS) expect((await get(`${path}/${file}`)).status).toBe(404);
  });

  it('link each item to the record exactly as its node signed it', async () => {
    for (const { format, feed } of await readAll('/partners/yale')) {
      const response = await fetch(feed.items[0]?.json ?? '');
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type'), format).toContain('application/json');
      const record = (await response.json()) as { jws: string; type: string };
      expect(record.type, format).toBe('innovation');
      expect(yale.log, format).toContain(record.jws);
    }
    expect((await get('/records/yale/innovation/not-a-record')).status).toBe(404);
    expect((await get('/records/yale/payment/x')).status).toBe(404);
  });

  it('write JSON Feed 1.1', async () => {
    const json = (await (await get('/feed.json')).json()) as { version: string };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
  });
});

describe('crisis-service changes feed', () => {
  const crisisLine = serviceData('cpft', 0, { name: 'Crisis line', urgency: 'urgent' });
  const safeHaven = serviceData('cpft', 3, { name: 'Safe haven', urgency: 'emergency' });
  const homeTeam = serviceData('cpft', 6, { name: 'Home team', urgency: 'emergency' });
  const befriending = serviceData('cpft', 1, { name: 'Befriending', urgency: 'non_urgent' });
  const overdue = serviceData('cpft', 9, {
    name: 'Night café',
    urgency: 'urgent',
    assuredAt: '2025-01-01T00:00:00Z',
    reviewDue: '2025-06-30',
  });
  const page = (id: string) => `${PORTAL}/services/cpft/${id}`;

  beforeAll(async () => {
    for (const service of [crisisLine, safeHaven, homeTeam, befriending, overdue])
      await cpft.publish('service', { ...service });
    await cpft.publish('service', {
      ...crisisLine,
      phones: [{ number: '01632 960999', type: 'voice' }],
      updatedAt: '2026-03-01T09:00:00Z',
    });
    await cpft.publish('service', {
      ...crisisLine,
      phones: [{ number: '01632 960999', type: 'voice' }],
      assuredAt: '2026-03-02T09:00:00Z',
      updatedAt: '2026-03-02T09:00:00Z',
    });
    await cpft.publish('service', {
      ...safeHaven,
      status: 'temporarily closed',
      updatedAt: '2026-03-03T09:00:00Z',
    });
    await cpft.tombstone('service', homeTeam.id);
    await cpft.publish('service', {
      ...befriending,
      description: 'Changed, but not a crisis service.',
      updatedAt: '2026-03-04T09:00:00Z',
    });
    await sync(cpft);
  });

  it('says which crisis listings were added, changed, closed or fell overdue, linking to their pages', async () => {
    for (const { format, feed } of await readAll('/services/crisis')) {
      const titles = feed.items.map((item) => item.title);
      expect(titles, format).toEqual(
        expect.arrayContaining([
          'New: Crisis line (Node cpft)',
          'Changed: Crisis line (Node cpft)',
          'New: Safe haven (Node cpft)',
          'Closed: Safe haven (Node cpft)',
          'Closed: Home team (Node cpft)',
          'Check overdue: Night café (Node cpft)',
        ]),
      );
      // The check without a change, and every change to a non-crisis service, are left out.
      expect(
        titles.filter((title) => title?.startsWith('Changed: Crisis line')),
        format,
      ).toHaveLength(1);
      expect(
        titles.some((title) => title?.includes('Befriending')),
        format,
      ).toBe(false);
      const item = (title: string) => feed.items.find((entry) => entry.title === title);
      expect(item('Changed: Crisis line (Node cpft)')?.link, format).toBe(page(crisisLine.id));
      expect(item('Closed: Safe haven (Node cpft)')?.link, format).toBe(page(safeHaven.id));
      // A listing gone from the network has no page: the item opens its partner's.
      expect(item('Closed: Home team (Node cpft)')?.link, format).toBe(`${PORTAL}/partners/cpft`);
      expect(item('Check overdue: Night café (Node cpft)')?.published?.toISOString(), format).toBe(
        '2025-06-30T23:59:59.000Z',
      );
      const dates = feed.items.map((entry) => entry.published?.getTime() ?? 0);
      expect(dates, format).toEqual([...dates].sort((a, b) => b - a));
    }
    const json = (await (await get('/services/crisis/feed.json')).json()) as {
      items: { title: string; summary: string }[];
    };
    expect(json.items.find((i) => i.title.startsWith('Changed: Crisis line'))?.summary).toBe(
      'Changed: Phone numbers.',
    );
  });

  it('is served beside HSDS /services without shadowing a service id', async () => {
    expect((await get(`/services/${crisisLine.id}`)).status).toBe(200);
    expect((await get(`/services/${testUuid('no/such/service')}`)).status).toBe(404);
  });
});

describe('conditional GET', () => {
  const paths = ['', '/themes/carers', '/partners/yale', '/services/crisis'].flatMap((prefix) =>
    FORMATS.map(([file]) => `${prefix}/${file}`),
  );

  it('answers 304 to a reader whose copy is current, by ETag or by date, on every feed', async () => {
    for (const path of paths) {
      const first = await get(path);
      const etag = first.headers.get('etag') ?? '';
      const lastModified = first.headers.get('last-modified') ?? '';
      expect(etag, path).toMatch(/^"[\w-]{43}"$/);
      expect(Date.parse(lastModified), path).not.toBeNaN();
      const byTag = await get(path, { 'if-none-match': etag });
      expect(byTag.status, path).toBe(304);
      expect(await byTag.text(), path).toBe('');
      expect(byTag.headers.get('etag'), path).toBe(etag);
      expect((await get(path, { 'if-none-match': `"other", W/${etag}` })).status, path).toBe(304);
      expect((await get(path, { 'if-modified-since': lastModified })).status, path).toBe(304);
      // If-None-Match decides when both are sent (RFC 9110 §13.2.2).
      const stale = await get(path, {
        'if-none-match': '"other"',
        'if-modified-since': lastModified,
      });
      expect(stale.status, path).toBe(200);
      const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await get(path, { 'if-modified-since': earlier })).status, path).toBe(200);
    }
  });

  it('serves a changed feed in full to a reader holding the old ETag or date', async () => {
    const before = await Promise.all(
      paths.map(async (path) => {
        const response = await get(path);
        return {
          path,
          etag: response.headers.get('etag') ?? '',
          lastModified: response.headers.get('last-modified') ?? '',
        };
      }),
    );
    await yale.publish('innovation', {
      ...innovationData('yale', 7, { themes: ['carers'], updatedAt: '2026-04-01T09:00:00Z' }),
    });
    await yale.publish('service', {
      ...serviceData('yale', 0, { name: 'Yale crisis line', urgency: 'emergency' }),
    });
    await sync(yale);
    for (const { path, etag, lastModified } of before) {
      const byTag = await get(path, { 'if-none-match': etag });
      expect(byTag.status, path).toBe(200);
      expect(byTag.headers.get('etag'), path).not.toBe(etag);
      const byDate = await get(path, { 'if-modified-since': lastModified });
      expect(byDate.status, path).toBe(200);
      expect(Date.parse(byDate.headers.get('last-modified') ?? ''), path).toBeGreaterThan(
        Date.parse(lastModified),
      );
    }
  });
});
