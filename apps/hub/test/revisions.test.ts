import { afterEach, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { serviceData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function enrolled() {
  const { hub, client, operator } = await startTestHub();
  cleanup.push(() => hub.close());
  const node = await startTestNode({ partnerId: 'cpft' });
  cleanup.push(() => node.close());
  await enrolAndApprove(operator, node.url, node.key.kid);
  const entries = async () =>
    Number(
      (await hub.db.$client.execute('SELECT count(*) AS n FROM entries WHERE seq IS NOT NULL'))
        .rows[0]?.n,
    );
  const status = async () =>
    (await operator.nodeStatus()).find((node) => node.partnerId === 'cpft');
  return { client, operator, node, entries, status };
}

const lighthouse = serviceData('cpft', 1, { name: 'Lighthouse line' });

describe('rev and tombstone rules at the hub (docs/protocol.md §6)', () => {
  it('refuses a service revived in a later sync after its stored tombstone, and never serves it', async () => {
    const { client, operator, node, entries, status } = await enrolled();
    await node.publish('service', { ...lighthouse });
    await node.tombstone('service', lighthouse.id);
    await operator.syncNode({ partnerId: 'cpft' });
    expect(await status()).toMatchObject({ cursorSeq: 3, lastError: null });

    // The test node numbers versions on: rev 3 with data, after the rev 2 tombstone.
    await node.publish('service', { ...lighthouse, name: 'Lighthouse line reopened' });
    await operator.syncNode({ partnerId: 'cpft' });
    expect(await status()).toMatchObject({
      health: 'failing',
      cursorSeq: 3,
      lastError: { code: 'RECORD_AFTER_TOMBSTONE' },
    });
    expect(await entries()).toBe(3);
    expect((await client.searchServices({ q: 'lighthouse' })).items).toEqual([]);
    const detail = await client.getRecord({
      partnerId: 'cpft',
      type: 'service',
      id: lighthouse.id,
    });
    expect(detail).toMatchObject({ rev: 2, seq: 3, data: null });

    // Retrying stops at the same record: the harvest does not skip it.
    await operator.syncNode({ partnerId: 'cpft' });
    expect(await status()).toMatchObject({
      cursorSeq: 3,
      lastError: { code: 'RECORD_AFTER_TOMBSTONE' },
    });
  });

  it('stores nothing of a page whose service is published, tombstoned and revived in it', async () => {
    const { client, operator, node, entries, status } = await enrolled();
    await node.publish('service', { ...lighthouse });
    await node.tombstone('service', lighthouse.id);
    await node.publish('service', { ...lighthouse });
    await operator.syncNode({ partnerId: 'cpft' });
    // Enrolment stored the partner record (seq 1); seq 2-4 came in one page.
    expect(await status()).toMatchObject({
      cursorSeq: 1,
      lastError: { code: 'RECORD_AFTER_TOMBSTONE' },
    });
    expect(await entries()).toBe(1);
    expect((await client.searchServices({ q: 'lighthouse' })).items).toEqual([]);
    expect(
      await client.getRecord({ partnerId: 'cpft', type: 'service', id: lighthouse.id }),
    ).toBeNull();
  });

  it('accepts updates that follow the stored rev across syncs', async () => {
    const { client, operator, node, status } = await enrolled();
    await node.publish('service', { ...lighthouse });
    await operator.syncNode({ partnerId: 'cpft' });
    await node.publish('service', { ...lighthouse, name: 'Lighthouse line (evenings)' });
    await operator.syncNode({ partnerId: 'cpft' });
    expect(await status()).toMatchObject({ health: 'healthy', cursorSeq: 3, lastError: null });
    const detail = await client.getRecord({
      partnerId: 'cpft',
      type: 'service',
      id: lighthouse.id,
    });
    expect(detail).toMatchObject({ rev: 2, data: { name: 'Lighthouse line (evenings)' } });
  });
});
