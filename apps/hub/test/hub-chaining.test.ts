import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PublicJwkSet } from '@promise-global/schema';
import type { HubClient, UpstreamStatus } from '@promise-global/sdk/client/hub';
import { generateSigningKey } from '@promise-global/sdk/keys';
import { pinKeys, verifyMembership, verifyRecord } from '@promise-global/sdk/verify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { enrolAndApprove } from './support/enrol.js';
import { type FakeHub, recordItems, startFakeHub } from './support/fake-hub.js';
import { innovationData, organisationData, serviceData } from './support/fixtures.js';
import { OPERATOR_TOKEN, startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

type Started = Awaited<ReturnType<typeof startTestHub>>;

const closers: (() => Promise<void>)[] = [];
let alpha: TestNode;
let bravo: TestNode;
let regional: Started;
let global: Started;
let dir: string;

async function hubStarted(overrides: Parameters<typeof startTestHub>[0] = {}): Promise<Started> {
  const started = await startTestHub(overrides);
  closers.push(() => started.hub.close());
  return started;
}

async function titles(client: HubClient, q?: string): Promise<string[]> {
  const page = await client.searchInnovations({ ...(q ? { q } : {}), limit: 100 });
  return page.items.map((hit) => `${hit.partnerId}:${hit.title}`).sort();
}

async function upstreamOf(operator: HubClient, url: string): Promise<UpstreamStatus> {
  const found = (await operator.upstreams()).find((upstream) => upstream.url === url);
  if (!found) throw new Error(`no upstream ${url}`);
  return found;
}

async function storedFrom(hub: Hub, nodeUrl: string): Promise<number> {
  const result = await hub.db.$client.execute({
    sql: 'SELECT count(*) AS n FROM entries e JOIN nodes n ON n.id = e.node_id WHERE n.url = ? AND e.seq IS NOT NULL',
    args: [nodeUrl],
  });
  return Number(result.rows[0]?.n ?? 0);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-chaining-'));
  alpha = await startTestNode({ partnerId: 'alpha', country: 'GB' });
  bravo = await startTestNode({ partnerId: 'bravo', country: 'IE' });
  closers.push(
    () => alpha.close(),
    () => bravo.close(),
  );
  for (const node of [alpha, bravo]) {
    await node.publish('organisation', { ...organisationData(node.partnerId) });
    for (let i = 0; i < 3; i++)
      await node.publish('service', { ...serviceData(node.partnerId, i) });
    for (let i = 0; i < 3; i++)
      await node.publish('innovation', { ...innovationData(node.partnerId, i) });
  }
  regional = await hubStarted();
  for (const node of [alpha, bravo]) {
    await enrolAndApprove(regional.operator, node.url, node.key.kid);
    await regional.operator.syncNode({ partnerId: node.partnerId });
  }
  global = await hubStarted({ database: { url: `file:${join(dir, 'global.db')}` } });
  await global.operator.addUpstream({ url: regional.hub.url });
  await global.operator.syncUpstream({ url: regional.hub.url });
});

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await rm(dir, { recursive: true, force: true });
});

describe('hub chaining', () => {
  it('finds the records of both nodes of a regional hub at the global hub that consumes it', async () => {
    expect(await titles(global.client)).toEqual(await titles(regional.client));
    expect(await titles(global.client)).toHaveLength(6);
    const services = await global.client.searchServices({ limit: 100 });
    expect(services.items).toHaveLength(6);
    const status = await upstreamOf(global.operator, regional.hub.url);
    expect(status).toMatchObject({
      health: 'healthy',
      lastError: null,
      relayedPartnerIds: ['alpha', 'bravo'],
    });
    const partners = await global.client.partners();
    expect(partners.map((partner) => [partner.partnerId, partner.country])).toEqual([
      ['alpha', 'GB'],
      ['bravo', 'IE'],
    ]);
    expect(await storedFrom(global.hub, alpha.url)).toBe(alpha.log.length);
    const round = await global.hub.harvester.syncDue();
    expect(round).toEqual([expect.objectContaining({ outcome: 'synced', stored: 0 })]);
  });

  it('names the upstream hub a relayed node comes through in its public status, and none for a direct one', async () => {
    const upstream = await upstreamOf(global.operator, regional.hub.url);
    const relayed = await global.client.nodeStatus();
    expect(relayed.map((node) => [node.partnerId, node.via])).toEqual([
      ['alpha', { url: regional.hub.url }],
      ['bravo', { url: regional.hub.url }],
    ]);
    expect(relayed[0]).toMatchObject({
      health: upstream.health,
      lastSuccessAt: upstream.lastSuccessAt,
      lag: 0,
    });
    const direct = await regional.client.nodeStatus();
    expect(direct.map((node) => [node.partnerId, node.via])).toEqual([
      ['alpha', null],
      ['bravo', null],
    ]);
  });

  it('vouches for relayed nodes with its own membership statements carrying the keys it verified', async () => {
    const globalKeys = await pinKeys(
      PublicJwkSet.parse(await (await fetch(`${global.hub.url}/.well-known/jwks.json`)).json()),
    );
    const jws = await (await fetch(`${global.hub.url}/memberships/bravo`)).text();
    const membership = await verifyMembership(jws, {
      hubKeys: globalKeys,
      hub: global.hub.url,
      sub: bravo.url,
    });
    const keys = await pinKeys(membership.jwks);
    for (const record of bravo.log) await verifyRecord(record, { keys, iss: bravo.url });
  });

  it('carries an edit and a withdrawal at a node to the global hub once both hubs have synced', async () => {
    const edited = innovationData('alpha', 0, { title: 'Kitchen garden evenings for carers' });
    await alpha.publish('innovation', { ...edited });
    await alpha.tombstone('innovation', innovationData('alpha', 1).id);
    await global.operator.syncUpstream({ url: regional.hub.url });
    expect(await titles(global.client, 'kitchen garden evenings')).toEqual([]);
    await regional.operator.syncNode({ partnerId: 'alpha' });
    await global.operator.syncUpstream({ url: regional.hub.url });
    expect(await titles(global.client, 'kitchen garden evenings')).toEqual([
      'alpha:Kitchen garden evenings for carers',
    ]);
    const all = await titles(global.client);
    expect(all).toHaveLength(5);
    expect(all).not.toContain(`alpha:${innovationData('alpha', 1).title}`);
    expect(await storedFrom(global.hub, alpha.url)).toBe(alpha.log.length);
  });

  it('lets a third hub chain behind the global hub and verify the same records unchanged', async () => {
    const third = await hubStarted();
    await third.operator.addUpstream({ url: global.hub.url });
    await third.operator.syncUpstream({ url: global.hub.url });
    expect(await titles(third.client)).toEqual(await titles(global.client));
    const detail = await third.client.getRecord({
      partnerId: 'bravo',
      type: 'innovation',
      id: innovationData('bravo', 2).id,
    });
    expect(bravo.log).toContain(detail?.jws);
    expect((await upstreamOf(third.operator, global.hub.url)).relayedPartnerIds).toEqual([
      'alpha',
      'bravo',
    ]);
    await third.operator.addUpstream({ url: regional.hub.url });
    const second = await third.operator.syncUpstream({ url: regional.hub.url });
    expect(second.relayedPartnerIds).toEqual([]);
    expect(second.skipped.RELAYED_BY_ANOTHER_UPSTREAM).toBe(alpha.log.length + bravo.log.length);
    expect(await titles(third.client)).toEqual(await titles(global.client));
  });

  it('follows a node removed and re-enrolled at the regional hub, two hubs downstream', async () => {
    const third = await hubStarted();
    await third.operator.addUpstream({ url: global.hub.url });
    await third.operator.syncUpstream({ url: global.hub.url });
    const node = await startTestNode({ partnerId: 'charlie' });
    closers.push(() => node.close());
    await node.publish('innovation', { ...innovationData('charlie', 0) });
    await enrolAndApprove(regional.operator, node.url, node.key.kid);
    await regional.operator.syncNode({ partnerId: 'charlie' });
    await global.operator.syncUpstream({ url: regional.hub.url });
    await third.operator.syncUpstream({ url: global.hub.url });
    expect(
      (await titles(third.client)).filter((title) => title.startsWith('charlie:')),
    ).toHaveLength(1);
    await regional.operator.removeNode({ partnerId: 'charlie' });
    await global.operator.syncUpstream({ url: regional.hub.url });
    await third.operator.syncUpstream({ url: global.hub.url });
    for (const client of [global.client, third.client]) {
      expect((await titles(client)).filter((title) => title.startsWith('charlie:'))).toEqual([]);
      expect((await client.partners()).map((partner) => partner.partnerId)).not.toContain(
        'charlie',
      );
    }
    expect((await upstreamOf(third.operator, global.hub.url)).health).toBe('healthy');
    await node.publish('innovation', { ...innovationData('charlie', 1) });
    await enrolAndApprove(regional.operator, node.url, node.key.kid);
    await regional.operator.syncNode({ partnerId: 'charlie' });
    await global.operator.syncUpstream({ url: regional.hub.url });
    await third.operator.syncUpstream({ url: global.hub.url });
    for (const [started, upstream] of [
      [global, regional],
      [third, global],
    ] as const) {
      const back = (await titles(started.client)).filter((title) => title.startsWith('charlie:'));
      expect(back).toHaveLength(2);
      expect(await storedFrom(started.hub, node.url)).toBe(node.log.length);
      expect(await upstreamOf(started.operator, upstream.hub.url)).toMatchObject({
        health: 'healthy',
        lastError: null,
      });
    }
  });

  it('skips and counts the upstream copies of a node enrolled here directly', async () => {
    const direct = await hubStarted();
    await enrolAndApprove(direct.operator, alpha.url, alpha.key.kid);
    await direct.operator.syncNode({ partnerId: 'alpha' });
    await direct.operator.addUpstream({ url: regional.hub.url });
    const status = await direct.operator.syncUpstream({ url: regional.hub.url });
    expect(status.relayedPartnerIds).toContain('bravo');
    expect(status.relayedPartnerIds).not.toContain('alpha');
    expect(status.skipped.DIRECTLY_ENROLLED).toBe(alpha.log.length);
    expect(await storedFrom(direct.hub, alpha.url)).toBe(alpha.log.length);
    expect(await titles(direct.client)).toEqual(await titles(global.client));
    expect(await direct.hub.harvester.sync(1)).toMatchObject({ outcome: 'synced' });
  });

  it('harvests a relayed node directly once an operator removed it and enrolled it', async () => {
    const hub = await hubStarted();
    await hub.operator.addUpstream({ url: regional.hub.url });
    await hub.operator.syncUpstream({ url: regional.hub.url });
    await hub.operator.removeNode({ partnerId: 'alpha' });
    await enrolAndApprove(hub.operator, alpha.url, alpha.key.kid);
    expect(await hub.operator.syncNode({ partnerId: 'alpha' })).toMatchObject({
      health: 'healthy',
      cursorSeq: alpha.log.length,
    });
    await alpha.publish('service', { ...serviceData('alpha', 5) });
    await regional.operator.syncNode({ partnerId: 'alpha' });
    const status = await hub.operator.syncUpstream({ url: regional.hub.url });
    expect(status.relayedPartnerIds).not.toContain('alpha');
    expect(status.skipped.DIRECTLY_ENROLLED).toBe(1);
    await hub.operator.syncNode({ partnerId: 'alpha' });
    expect(await storedFrom(hub.hub, alpha.url)).toBe(alpha.log.length);
  });

  it('skips and counts the upstream copies of a node whose partner id is taken here', async () => {
    const namesake = await startTestNode({ partnerId: 'bravo' });
    closers.push(() => namesake.close());
    const hub = await hubStarted();
    await enrolAndApprove(hub.operator, namesake.url, namesake.key.kid);
    await hub.operator.syncNode({ partnerId: 'bravo' });
    await hub.operator.addUpstream({ url: regional.hub.url });
    const status = await hub.operator.syncUpstream({ url: regional.hub.url });
    expect(status.relayedPartnerIds).toContain('alpha');
    expect(status.relayedPartnerIds).not.toContain('bravo');
    expect(status.skipped.PARTNER_ID_TAKEN).toBe(bravo.log.length);
    expect(await storedFrom(hub.hub, bravo.url)).toBe(0);
    expect(await storedFrom(hub.hub, namesake.url)).toBe(namesake.log.length);
  });

  it('refuses upstreams it cannot trust: itself, twice, or a private address not allowed', async () => {
    const hub = await hubStarted();
    await expect(hub.operator.addUpstream({ url: hub.hub.url })).rejects.toThrow(
      /UPSTREAM_IS_SELF/,
    );
    await hub.operator.addUpstream({ url: regional.hub.url });
    await expect(hub.operator.addUpstream({ url: regional.hub.url })).rejects.toThrow(
      /UPSTREAM_ALREADY_ADDED/,
    );
    const guarded = await hubStarted({ allowPrivateHosts: [] });
    await expect(guarded.operator.addUpstream({ url: regional.hub.url })).rejects.toThrow(
      /ADDRESS_REFUSED/,
    );
    expect(await guarded.operator.upstreams()).toEqual([]);
    const fake = await startFakeHub();
    closers.push(() => fake.close());
    fake.headKey = await generateSigningKey();
    await expect(hub.operator.addUpstream({ url: fake.url })).rejects.toThrow(/UNKNOWN_KID/);
    await expect(hub.client.upstreams()).rejects.toThrow(/UNAUTHORIZED|admin token/);
  });

  it('suspends, reinstates and removes an upstream; removal takes its nodes out of the index', async () => {
    const hub = await hubStarted();
    await hub.operator.addUpstream({ url: regional.hub.url });
    await hub.operator.syncUpstream({ url: regional.hub.url });
    expect(await titles(hub.client)).toEqual(await titles(global.client));
    const suspended = await hub.operator.suspendUpstream({ url: regional.hub.url });
    expect(suspended).toMatchObject({ state: 'suspended', health: 'suspended' });
    expect(await hub.hub.harvester.syncDue()).toEqual([]);
    await hub.operator.reinstateUpstream({ url: regional.hub.url });
    expect((await hub.operator.syncUpstream({ url: regional.hub.url })).health).toBe('healthy');
    await hub.operator.removeUpstream({ url: regional.hub.url });
    expect(await hub.operator.upstreams()).toEqual([]);
    expect(await titles(hub.client)).toEqual([]);
    expect(await hub.client.partners()).toEqual([]);
    const feed = (await (await fetch(`${hub.hub.url}/hub/feed?after=0&limit=1000`)).json()) as {
      items: { removed?: unknown }[];
    };
    expect(feed.items.filter((item) => item.removed).length).toBeGreaterThan(0);
  });

  it('follows a node key rotation through the upstream membership statement', async () => {
    const oldKid = bravo.key.kid;
    await bravo.rotate(await generateSigningKey(), bravo.key);
    await bravo.publish('innovation', { ...innovationData('bravo', 5) });
    await regional.operator.syncNode({ partnerId: 'bravo' });
    const status = await global.operator.syncUpstream({ url: regional.hub.url });
    expect(status).toMatchObject({ health: 'healthy' });
    expect(await storedFrom(global.hub, bravo.url)).toBe(bravo.log.length);
    const node = (await global.client.nodeStatus()).find((entry) => entry.partnerId === 'bravo');
    expect(node?.pinnedKids).toEqual([bravo.key.kid]);
    expect(node?.pinnedKids).not.toContain(oldKid);
    const fresh = await hubStarted();
    await fresh.operator.addUpstream({ url: regional.hub.url });
    const first = await fresh.operator.syncUpstream({ url: regional.hub.url });
    expect(first).toMatchObject({ health: 'healthy', lastError: null });
    expect(await storedFrom(fresh.hub, bravo.url)).toBe(bravo.log.length);
  });

  it('answers fuzzed upstream admin input without a 5xx or a stack trace', async () => {
    const hub = await hubStarted();
    await hub.operator.addUpstream({ url: regional.hub.url });
    const paths = ['list', 'add', 'suspend', 'reinstate', 'remove', 'sync'];
    // No http(s) URL of another host: the fuzzer must not reach outside this machine.
    const url = fc.oneof(
      fc.string().filter((value) => !/https?:/i.test(value)),
      fc.constantFrom(
        regional.hub.url,
        `${regional.hub.url}/`,
        'ftp://x',
        'http://user@127.0.0.1:1',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.oneof(fc.record({ url }), fc.jsonValue()),
        fc.boolean(),
        async (path, value, withToken) => {
          const headers: Record<string, string> = withToken
            ? { authorization: `Bearer ${OPERATOR_TOKEN}` }
            : {};
          const encoded = encodeURIComponent(JSON.stringify(value));
          const response =
            path === 'list'
              ? await hub.hub.app.request(`/trpc/admin.upstreams.list?input=${encoded}`, {
                  headers,
                })
              : await hub.hub.app.request(`/trpc/admin.upstreams.${path}`, {
                  method: 'POST',
                  headers: { ...headers, 'content-type': 'application/json' },
                  body: JSON.stringify(value),
                });
          const body = await response.text();
          if (response.status >= 500) throw new Error(`${path} → ${response.status} ${body}`);
          if (body.includes('"stack"')) throw new Error(`${path} leaked a stack trace`);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('resumes from its cursor after a restart', async () => {
    const before = await upstreamOf(global.operator, regional.hub.url);
    expect(before.cursorSeq).toBeGreaterThan(0);
    await global.hub.close();
    await bravo.publish('innovation', { ...innovationData('bravo', 7) });
    await regional.operator.syncNode({ partnerId: 'bravo' });
    const restarted = await hubStarted({ database: { url: `file:${join(dir, 'global.db')}` } });
    const after = await restarted.operator.syncUpstream({ url: regional.hub.url });
    expect(after.cursorSeq).toBeGreaterThan(before.cursorSeq);
    expect(after.lastError).toBeNull();
    expect(await storedFrom(restarted.hub, bravo.url)).toBe(bravo.log.length);
    expect((await titles(restarted.client)).filter((t) => t.startsWith('bravo:'))).toHaveLength(5);
  });
});

describe('hub chaining against a hostile upstream', () => {
  let fox: TestNode;

  beforeAll(async () => {
    fox = await startTestNode({ partnerId: 'fox' });
    closers.push(() => fox.close());
    for (let i = 0; i < 3; i++) await fox.publish('innovation', { ...innovationData('fox', i) });
  });

  /** A hub with the healthy regional hub and a fake upstream serving fox's log honestly at first. */
  async function withFake(
    overrides: Parameters<typeof startTestHub>[0] = {},
  ): Promise<{ hub: Started; fake: FakeHub }> {
    const fake = await startFakeHub();
    closers.push(() => fake.close());
    fake.members = [{ url: fox.url, partnerId: 'fox', key: fox.key }];
    const hub = await hubStarted(overrides);
    await hub.operator.addUpstream({ url: regional.hub.url });
    await hub.operator.addUpstream({ url: fake.url });
    await hub.operator.syncUpstream({ url: fake.url });
    await hub.operator.syncUpstream({ url: regional.hub.url });
    fake.items = recordItems(fox.url, fox.log);
    return { hub, fake };
  }

  async function expectRefused(started: Started, fake: FakeHub, code: string): Promise<void> {
    const results = await started.hub.harvester.syncDue();
    expect(results.some((result) => result.outcome === 'failed')).toBe(true);
    const status = await upstreamOf(started.operator, fake.url);
    expect(status.lastError?.code).toBe(code);
    expect(status.health).toBe('failing');
    expect(status.relayedPartnerIds).toEqual([]);
    expect(await storedFrom(started.hub, fox.url)).toBe(0);
    expect((await titles(started.client)).filter((t) => t.startsWith('fox:'))).toEqual([]);
    const healthy = await upstreamOf(started.operator, regional.hub.url);
    expect(healthy).toMatchObject({ health: 'healthy', lastError: null });
    expect(
      (await titles(started.client)).filter((t) => t.startsWith('bravo:')).length,
    ).toBeGreaterThan(0);
  }

  it('stores a fake upstream that behaves, so the refusals below are the hostility alone', async () => {
    const { hub, fake } = await withFake();
    await hub.operator.syncUpstream({ url: fake.url });
    expect(await storedFrom(hub.hub, fox.url)).toBe(fox.log.length);
    expect((await upstreamOf(hub.operator, fake.url)).relayedPartnerIds).toEqual(['fox']);
  });

  it('takes a protocol 1.0 upstream (JSON digest, no digestAlg) during the transition', async () => {
    const { hub, fake } = await withFake();
    fake.legacy = true;
    await hub.operator.syncUpstream({ url: fake.url });
    expect(await storedFrom(hub.hub, fox.url)).toBe(fox.log.length);
  });

  it('refuses a protocol 1.0 upstream once configured to, storing nothing from it', async () => {
    const { hub, fake } = await withFake({ harvest: { acceptLegacyDigest: false } });
    fake.legacy = true;
    await expectRefused(hub, fake, 'DIGEST_UNSUPPORTED');
  });

  it('skips and counts records of a node the upstream holds no membership for', async () => {
    const { hub, fake } = await withFake();
    fake.members = [];
    const result = await hub.operator.syncUpstream({ url: fake.url });
    expect(result).toMatchObject({ health: 'healthy', skipped: { MEMBERSHIP_MISSING: 4 } });
    expect(result.cursorSeq).toBe(fox.log.length);
    expect(await storedFrom(hub.hub, fox.url)).toBe(0);
  });

  it('refuses a page with an item changed after the head was signed', async () => {
    const { hub, fake } = await withFake();
    fake.tamper = (items) =>
      items.map((item, index) =>
        index === 1 && 'jws' in item ? { ...item, jws: fox.log[0] ?? '' } : item,
      );
    await expectRefused(hub, fake, 'HEAD_MISMATCH');
  });

  it('refuses a head signed by a key other than the pinned hub key', async () => {
    const { hub, fake } = await withFake();
    fake.headKey = await generateSigningKey();
    await expectRefused(hub, fake, 'UNKNOWN_KID');
  });

  it('refuses a record whose signature does not match the keys in its membership statement', async () => {
    const { hub, fake } = await withFake();
    fake.members = [{ url: fox.url, partnerId: 'fox', key: await generateSigningKey() }];
    await expectRefused(hub, fake, 'UNKNOWN_KID');
  });

  it('refuses a membership statement signed by another hub', async () => {
    const { hub, fake } = await withFake();
    fake.membershipKey = await generateSigningKey();
    await expectRefused(hub, fake, 'UNKNOWN_KID');
  });

  it('refuses a replayed record, before and after the upstream removed its node', async () => {
    const { hub, fake } = await withFake();
    const fromFox = async () => (await titles(hub.client)).filter((t) => t.startsWith('fox:'));
    const records = recordItems(fox.url, fox.log);
    await hub.operator.syncUpstream({ url: fake.url });
    expect(await fromFox()).toHaveLength(3);
    const replay = (hubSeq: number, index: number) => ({
      hubSeq,
      node: fox.url,
      jws: fox.log[index] ?? '',
    });
    fake.items = [...records, replay(records.length + 1, 1)];
    let status = await hub.operator.syncUpstream({ url: fake.url });
    expect(status).toMatchObject({ health: 'failing', cursorSeq: records.length });
    expect(status.lastError?.code).toBe('ROLLBACK');

    const removed = [
      { type: 'partner', id: 'fox', rev: 1 },
      ...[0, 1, 2].map((i) => ({ type: 'innovation', id: innovationData('fox', i).id, rev: 1 })),
    ];
    const removals = removed.map((record, index) => ({
      hubSeq: records.length + 1 + index,
      node: fox.url,
      removed: record,
    }));
    fake.items = [...records, ...removals];
    status = await hub.operator.syncUpstream({ url: fake.url });
    expect(status).toMatchObject({ health: 'healthy', cursorSeq: records.length + 4 });
    expect(await fromFox()).toEqual([]);
    const cursor = status.cursorSeq;
    fake.items.push(replay(cursor + 1, 1));
    await hub.hub.harvester.syncDue();
    status = await upstreamOf(hub.operator, fake.url);
    expect(status.lastError?.code).toBe('CHAIN_GAP');
    expect(status.cursorSeq).toBe(cursor);
    expect(await fromFox()).toEqual([]);
    expect((await hub.client.partners()).map((partner) => partner.partnerId)).not.toContain('fox');
    expect(await storedFrom(hub.hub, fox.url)).toBe(fox.log.length);
  });

  it('refuses a relayed write-up revived after its stored tombstone and never serves it', async () => {
    const { hub, fake } = await withFake();
    const vixen = await startTestNode({ partnerId: 'vixen' });
    closers.push(() => vixen.close());
    const writeUp = innovationData('vixen', 1, { title: 'Vixen lantern walk' });
    await vixen.publish('innovation', { ...writeUp });
    await vixen.tombstone('innovation', writeUp.id);
    fake.members = [{ url: vixen.url, partnerId: 'vixen', key: vixen.key }];
    fake.items = recordItems(vixen.url, vixen.log);
    let status = await hub.operator.syncUpstream({ url: fake.url });
    expect(status).toMatchObject({ health: 'healthy', cursorSeq: 3 });
    expect(await storedFrom(hub.hub, vixen.url)).toBe(3);

    await vixen.publish('innovation', { ...writeUp, title: 'Vixen lantern walk returns' });
    fake.items = recordItems(vixen.url, vixen.log);
    status = await hub.operator.syncUpstream({ url: fake.url });
    expect(status).toMatchObject({ health: 'failing', cursorSeq: 3 });
    expect(status.lastError?.code).toBe('RECORD_AFTER_TOMBSTONE');
    expect(await storedFrom(hub.hub, vixen.url)).toBe(3);
    expect((await titles(hub.client, 'vixen')).filter((t) => t.startsWith('vixen:'))).toEqual([]);
    const detail = await hub.client.getRecord({
      partnerId: 'vixen',
      type: 'innovation',
      id: writeUp.id,
    });
    expect(detail).toMatchObject({ rev: 2, data: null });
  });

  it('refuses an oversized response and a page over the requested limit', async () => {
    const { hub, fake } = await withFake({
      harvest: { maxResponseBytes: 256 * 1024, pageLimit: 2 },
    });
    fake.padTo = 300 * 1024;
    await expectRefused(hub, fake, 'RESPONSE_TOO_LARGE');
    fake.padTo = 0;
    fake.ignoreLimit = true;
    await hub.hub.db.$client.execute(
      'UPDATE upstreams SET next_attempt_at = 0, circuit_open_until = 0',
    );
    await expectRefused(hub, fake, 'PAGE_TOO_LARGE');
  });
});
