import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, serviceData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

// A full first page's total is remembered until the index changes: every way the index changes
// must show in the next total.
let hub: Awaited<ReturnType<typeof startTestHub>>;
let node: TestNode;

beforeAll(async () => {
  hub = await startTestHub();
  node = await startTestNode({ partnerId: 'cpft' });
  for (let i = 0; i < 6; i++)
    await node.publish('innovation', { ...innovationData('cpft', i, { title: `Haven ${i}` }) });
  for (let i = 0; i < 4; i++)
    await node.publish('service', { ...serviceData('cpft', i, { name: `Haven line ${i}` }) });
  await enrolAndApprove(hub.operator, node.url, node.key.kid);
  await hub.operator.syncNode({ partnerId: 'cpft' });
});

afterAll(async () => {
  await hub.hub.close();
  await node.close();
});

const innovationTotal = async () =>
  (await hub.client.searchInnovations({ q: 'haven', limit: 2 })).total;
const serviceTotal = async () => (await hub.client.searchServices({ q: 'haven', limit: 2 })).total;

describe('search totals', () => {
  it('counts a full first page the same when asked again', async () => {
    expect(await innovationTotal()).toBe(6);
    expect(await innovationTotal()).toBe(6);
    expect(await serviceTotal()).toBe(4);
    expect(await serviceTotal()).toBe(4);
  });

  it('counts again after records are added, withdrawn and tombstoned', async () => {
    await node.publish('innovation', { ...innovationData('cpft', 6, { title: 'Haven 6' }) });
    await node.publish('service', { ...serviceData('cpft', 4, { name: 'Haven line 4' }) });
    await hub.operator.syncNode({ partnerId: 'cpft' });
    expect(await innovationTotal()).toBe(7);
    expect(await serviceTotal()).toBe(5);

    const withdrawn = innovationData('cpft', 0, { title: 'Haven 0' });
    await node.publish('innovation', { ...withdrawn, status: 'withdrawn' });
    await node.tombstone('service', serviceData('cpft', 0).id);
    await hub.operator.syncNode({ partnerId: 'cpft' });
    expect(await innovationTotal()).toBe(6);
    expect(await serviceTotal()).toBe(4);
  });

  it('counts again when an edit takes a record out of the match', async () => {
    await node.publish('innovation', { ...innovationData('cpft', 1, { title: 'Harbour 1' }) });
    await hub.operator.syncNode({ partnerId: 'cpft' });
    expect(await innovationTotal()).toBe(5);
  });

  it('counts again when a node is removed', async () => {
    await hub.operator.removeNode({ partnerId: 'cpft' });
    expect(await innovationTotal()).toBe(0);
    expect(await serviceTotal()).toBe(0);
  });
});
