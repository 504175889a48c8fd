import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey } from '@promise-global/sdk/keys';
import { signPing } from '@promise-global/sdk/sign';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, organisationData, serviceData } from './support/fixtures.js';
import { eventually, startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function enrolled(partnerId = 'cpft', overrides = {}) {
  const { hub, client, operator } = await startTestHub(overrides);
  cleanup.push(() => hub.close());
  const node = await startTestNode({ partnerId });
  cleanup.push(() => node.close());
  await node.publish('organisation', { ...organisationData(partnerId) });
  await enrolAndApprove(operator, node.url, node.key.kid);
  await operator.syncNode({ partnerId });
  return { hub, client, operator, node };
}

describe('harvesting', () => {
  it('syncs a node at once on a valid signed ping', async () => {
    const { hub, client, node } = await enrolled();
    await node.publish('innovation', {
      ...innovationData('cpft', 1, { title: 'Harbour walk group' }),
    });
    const response = await node.ping(hub.url);
    expect(response.status).toBe(202);
    const page = await eventually(async () => {
      const found = await client.searchInnovations({ q: 'harbour' });
      expect(found.items).toHaveLength(1);
      return found;
    });
    expect(page.items[0]?.partnerId).toBe('cpft');
  });

  it('polls every node on its croner schedule, so a lost ping only delays', async () => {
    const { client, node } = await enrolled('cpft', { harvest: { schedule: '* * * * * *' } });
    await node.publish('innovation', {
      ...innovationData('cpft', 1, { title: 'Unpinged meadow' }),
    });
    await eventually(async () => {
      expect((await client.searchInnovations({ q: 'meadow' })).items).toHaveLength(1);
    }, 5_000);
  });

  it('ignores and counts invalid, replayed and unknown pings', async () => {
    const { hub, operator, node } = await enrolled();
    const ping = await signPing(node.key, { iss: node.url, aud: hub.url, seq: 1 });
    const post = (body: string) => fetch(`${hub.url}/ping`, { method: 'POST', body });
    expect((await post(ping)).status).toBe(202);
    expect((await post(ping)).status).toBe(400);
    expect((await post('not a jws')).status).toBe(400);
    const stranger = await generateSigningKey();
    const unknown = await signPing(stranger, { iss: 'http://127.0.0.1:9/', aud: hub.url, seq: 1 });
    expect((await post(unknown)).status).toBe(400);
    const forged = await signPing(stranger, { iss: node.url, aud: hub.url, seq: 1 });
    expect((await post(forged)).status).toBe(400);
    // A member's ping under a key the hub has not pinned is counted apart: it may be a rotation
    // (§9), so it asks for a sync, which accepts the key only under the rotation rules.
    expect(await operator.counters()).toEqual({
      'ping.accepted': 1,
      'ping.replayed': 1,
      'ping.unknown': 1,
      'ping.invalid': 1,
      'ping.unknown_kid': 1,
    });
  });

  it('removes a withdrawn write-up and a tombstoned service from search', async () => {
    const { client, operator, node } = await enrolled();
    const innovation = innovationData('cpft', 1, { title: 'Lighthouse project' });
    const service = serviceData('cpft', 1, { name: 'Lighthouse line' });
    await node.publish('innovation', { ...innovation });
    await node.publish('service', { ...service });
    await operator.syncNode({ partnerId: 'cpft' });
    expect((await client.searchInnovations({ q: 'lighthouse' })).items).toHaveLength(1);
    expect((await client.searchServices({ q: 'lighthouse' })).items).toHaveLength(1);

    await node.publish('innovation', { ...innovation, status: 'withdrawn' });
    await node.tombstone('service', service.id);
    await operator.syncNode({ partnerId: 'cpft' });
    expect((await client.searchInnovations({ q: 'lighthouse' })).items).toEqual([]);
    expect((await client.searchServices({ q: 'lighthouse' })).items).toEqual([]);
    const detail = await client.getRecord({ partnerId: 'cpft', type: 'service', id: service.id });
    expect(detail).toMatchObject({ rev: 2, data: null });
  });

  it('resumes from its cursors after a restart on the same database file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const database = { url: `file:${join(dir, 'hub.db')}` };
    const first = await startTestHub({ database });
    const node = await startTestNode({ partnerId: 'cpft' });
    cleanup.push(() => node.close());
    for (let i = 0; i < 5; i++) await node.publish('innovation', { ...innovationData('cpft', i) });
    await enrolAndApprove(first.operator, node.url, node.key.kid);
    await first.operator.syncNode({ partnerId: 'cpft' });
    await first.hub.close();

    for (let i = 5; i < 8; i++) await node.publish('innovation', { ...innovationData('cpft', i) });
    const second = await startTestHub({ database });
    cleanup.push(() => second.hub.close());
    const status = await second.operator.syncNode({ partnerId: 'cpft' });
    expect(status).toMatchObject({ cursorSeq: 9, headSeq: 9, health: 'healthy' });
    const rows = await second.hub.db.$client.execute('SELECT seq FROM entries ORDER BY seq');
    expect(rows.rows.map((row) => Number(row.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('backs off a failing node and opens its circuit after repeated failures', async () => {
    const { hub, operator, node } = await enrolled('cpft', {
      harvest: { breakerThreshold: 2, backoff: { baseMs: 60_000, maxMs: 120_000 } },
    });
    await node.close();
    const first = await operator.syncNode({ partnerId: 'cpft' });
    expect(first).toMatchObject({
      health: 'failing',
      consecutiveFailures: 1,
      circuitOpenUntil: null,
    });
    expect(first.lastError?.code).toMatch(/^CONNECTION_(REFUSED|RESET)$/);
    expect(await hub.harvester.syncDue()).toEqual([]); // backing off: not due
    const second = await operator.syncNode({ partnerId: 'cpft' });
    expect(second).toMatchObject({ consecutiveFailures: 2 });
    const openUntil = Date.parse(second.circuitOpenUntil ?? '');
    expect(openUntil - Date.now()).toBeGreaterThan(25_000);
    expect(await hub.harvester.sync(1)).toEqual({ outcome: 'skipped', reason: 'circuit open' });
  });

  it('stops harvesting a suspended node and keeps tombstones when a node is removed', async () => {
    const { hub, client, operator, node } = await enrolled();
    await node.publish('innovation', { ...innovationData('cpft', 1, { title: 'Orchard club' }) });
    await operator.syncNode({ partnerId: 'cpft' });
    expect(await operator.suspendNode({ partnerId: 'cpft' })).toMatchObject({
      state: 'suspended',
      health: 'suspended',
    });
    await node.publish('innovation', { ...innovationData('cpft', 2, { title: 'Orchard two' }) });
    await hub.harvester.syncDue();
    expect((await client.searchInnovations({ q: 'orchard' })).items).toHaveLength(1);
    await operator.reinstateNode({ partnerId: 'cpft' });
    await operator.syncNode({ partnerId: 'cpft' });
    expect((await client.searchInnovations({ q: 'orchard' })).items).toHaveLength(2);

    await operator.removeNode({ partnerId: 'cpft' });
    expect((await client.searchInnovations({ q: 'orchard' })).items).toEqual([]);
    expect(await client.partners()).toEqual([]);
    const feed = (await (await fetch(`${hub.url}/hub/feed?after=0`)).json()) as {
      items: { removed?: unknown }[];
    };
    const removals = feed.items.filter((item) => item.removed);
    expect(removals).toHaveLength(4); // partner, organisation, two innovations
    expect(await fetch(`${hub.url}/memberships/cpft`).then((r) => r.status)).toBe(404);
  });
});
