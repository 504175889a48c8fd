import { generateSigningKey, keyFingerprint } from '@promise-global/sdk/keys';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function setup(overrides = {}) {
  const { hub, client, operator } = await startTestHub(overrides);
  cleanup.push(() => hub.close());
  const node = await startTestNode({ partnerId: 'cpft' });
  cleanup.push(() => node.close());
  await node.publish('innovation', { ...innovationData('cpft', 1, { title: 'Before rotation' }) });
  await enrolAndApprove(operator, node.url, node.key.kid);
  await operator.syncNode({ partnerId: 'cpft' });
  return { hub, client, operator, node };
}

describe('key rotation', () => {
  it('accepts a new key announced by a descriptor signed with the current key', async () => {
    const { hub, client, operator, node } = await setup();
    const old = node.key;
    const next = await generateSigningKey();
    await node.rotate(next, old);
    await node.publish('innovation', { ...innovationData('cpft', 2, { title: 'After rotation' }) });
    const status = await operator.syncNode({ partnerId: 'cpft' });
    expect(status).toMatchObject({ health: 'healthy', cursorSeq: 3, lastError: null });
    expect((await client.searchInnovations({ q: 'rotation' })).items).toHaveLength(2);
    const membership = await (await fetch(`${hub.url}/memberships/cpft`)).text();
    const claims = JSON.parse(
      Buffer.from(membership.split('.')[1] ?? '', 'base64url').toString(),
    ) as {
      jwks: { keys: { kid: string }[] };
      retiredJwks?: { keys: { kid: string }[] };
    };
    expect(claims.jwks.keys.map((key) => key.kid)).toEqual([next.kid]);
    expect(claims.retiredJwks?.keys.map((key) => key.kid)).toEqual([old.kid]);
  });

  it('verifies the older records of a node it enrols after that node rotated', async () => {
    const { hub, client, operator } = await startTestHub();
    cleanup.push(() => hub.close());
    const node = await startTestNode({ partnerId: 'cpft' });
    cleanup.push(() => node.close());
    await node.publish('innovation', {
      ...innovationData('cpft', 1, { title: 'Before rotation' }),
    });
    const next = await generateSigningKey();
    await node.rotate(next, next);
    await node.publish('innovation', { ...innovationData('cpft', 2, { title: 'After rotation' }) });
    await enrolAndApprove(operator, node.url, node.key.kid);
    const status = await operator.syncNode({ partnerId: 'cpft' });
    expect(status).toMatchObject({ health: 'healthy', cursorSeq: 3, lastError: null });
    expect((await client.searchInnovations({ q: 'rotation' })).items).toHaveLength(2);
  });

  it('syncs a rotated node on its first ping signed with the new key, without waiting for the schedule', async () => {
    const { hub, client, node } = await setup();
    await node.rotate(await generateSigningKey(), node.key);
    await node.publish('innovation', {
      ...innovationData('cpft', 2, { title: 'Pinged after rotation' }),
    });
    const answer = await node.ping(hub.url);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'UNKNOWN_KID', sync: 'requested' });
    await expect
      .poll(async () => (await client.searchInnovations({ q: 'pinged' })).items.length, {
        timeout: 5_000,
      })
      .toBe(1);
  });

  it('keeps the pins when a new key is self-signed and unannounced, until an operator approves a re-pin', async () => {
    const { client, operator, node } = await setup();
    const old = node.key;
    const intruder = await generateSigningKey();
    await node.rotate(intruder, intruder);
    await node.publish('innovation', {
      ...innovationData('cpft', 2, { title: 'Unannounced rotation' }),
    });
    const status = await operator.syncNode({ partnerId: 'cpft' });
    expect(status).toMatchObject({
      health: 'failing',
      cursorSeq: 2,
      pinnedKids: [old.kid],
      lastError: { code: 'KEY_ROTATION_UNAUTHORISED' },
    });
    expect((await client.searchInnovations({ q: 'unannounced' })).items).toEqual([]);
    expect(await operator.syncNode({ partnerId: 'cpft' })).toMatchObject({
      health: 'failing',
      pinnedKids: [old.kid],
    });

    const pending = await operator.repinNode({ partnerId: 'cpft' });
    expect(pending).toMatchObject({ kind: 'repin', fingerprint: keyFingerprint(intruder.kid) });
    expect((await operator.nodeStatus())[0]?.pinnedKids).toEqual([old.kid]);
    await operator.approveNode({ partnerId: 'cpft', fingerprint: keyFingerprint(intruder.kid) });
    expect(await operator.syncNode({ partnerId: 'cpft' })).toMatchObject({
      health: 'healthy',
      cursorSeq: 3,
      pinnedKids: [intruder.kid],
    });
    expect((await client.searchInnovations({ q: 'unannounced' })).items).toHaveLength(1);
  });
});

describe('quarantine', () => {
  it('keeps records of an unknown schema major out of the index, visible to operators', async () => {
    const { client, operator, node } = await setup();
    const future = innovationData('cpft', 2, { title: 'From the future' });
    await node.publish('innovation', { ...future }, '2.0.0');
    await node.publish('innovation', {
      ...innovationData('cpft', 3, { title: 'After the future' }),
    });
    expect(await operator.syncNode({ partnerId: 'cpft' })).toMatchObject({
      health: 'healthy',
      cursorSeq: 4,
    });
    expect(
      (await client.searchInnovations({ q: 'future' })).items.map((item) => item.title),
    ).toEqual(['After the future']);
    expect(await operator.quarantine()).toEqual([
      expect.objectContaining({
        partnerId: 'cpft',
        seq: 3,
        id: future.id,
        schemaVersion: '2.0.0',
        reasonCode: 'SCHEMA_MAJOR_UNKNOWN',
      }),
    ]);
  });

  it('re-processes quarantined records once the hub learns their major', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'hub-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const database = { url: `file:${join(dir, 'hub.db')}` };
    const unaware = await setup({ database, knownSchemaMajors: [] });
    expect((await unaware.client.searchInnovations({ q: 'rotation' })).items).toEqual([]);
    expect(await unaware.operator.quarantine()).toHaveLength(2);
    await unaware.hub.close();

    const learned = await startTestHub({ database, knownSchemaMajors: [1] });
    cleanup.push(() => learned.hub.close());
    expect(await learned.operator.quarantine()).toEqual([]);
    expect((await learned.client.searchInnovations({ q: 'rotation' })).items).toHaveLength(1);
  });
});
