import { afterAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, organisationData, serviceData } from './support/fixtures.js';
import { startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** Everything the index holds, in a canonical order, without hub-local ids. */
async function indexSnapshot(hub: Hub) {
  const query = async (sql: string) =>
    (await hub.db.$client.execute(sql)).rows.map((row) => ({ ...row }));
  return {
    innovations:
      await query(`SELECT i.partner_id, i.record_id, i.title, i.kind, i.country, i.year, i.evidence_level, i.status,
      i.themes, i.published_at, i.updated_at, f.summary, f.body FROM innovations i JOIN innovation_fts f ON f.rowid = i.rowid
      ORDER BY i.partner_id, i.record_id`),
    services:
      await query(`SELECT s.partner_id, s.record_id, s.name, s.status, s.urgency, s.available_24x7, s.categories,
      s.referral_routes, s.areas, s.updated_at, f.description FROM services s JOIN service_fts f ON f.rowid = s.rowid
      ORDER BY s.partner_id, s.record_id`),
    directory: await query(
      'SELECT record_type, record_id, name FROM directory ORDER BY record_type, record_id',
    ),
    log: await query(
      'SELECT n.partner_id, e.seq, e.hash FROM entries e JOIN nodes n ON n.id = e.node_id ORDER BY n.partner_id, e.seq',
    ),
  };
}

describe('rebuild', () => {
  it('rebuilds an identical index from the same nodes', async () => {
    const nodes: TestNode[] = [];
    for (const partnerId of ['cpft', 'mersey', 'hiow']) {
      const node = await startTestNode({ partnerId });
      closers.push(() => node.close());
      nodes.push(node);
      await node.publish('organisation', { ...organisationData(partnerId) });
      for (let i = 0; i < 40; i++)
        await node.publish('innovation', { ...innovationData(partnerId, i) });
      for (let i = 0; i < 10; i++) await node.publish('service', { ...serviceData(partnerId, i) });
      // Edits and withdrawals, so the index is not simply the log.
      await node.publish('innovation', {
        ...innovationData(partnerId, 3, { title: 'Edited title' }),
      });
      await node.publish('innovation', {
        ...innovationData(partnerId, 4, { status: 'withdrawn' }),
      });
      await node.tombstone('service', serviceData(partnerId, 5).id);
    }
    // The second hub meets the nodes in the opposite order, so its rows are written in another
    // order: equal search scores must still come out in the same order.
    const build = async (order: TestNode[]) => {
      const started = await startTestHub();
      closers.push(() => started.hub.close());
      for (const node of order) {
        await enrolAndApprove(started.operator, node.url, node.key.kid);
        await started.operator.syncNode({ partnerId: node.partnerId });
      }
      return started;
    };
    const first = await build(nodes);
    const second = await build([...nodes].reverse());
    const snapshot = await indexSnapshot(first.hub);
    expect(snapshot.innovations).toHaveLength(3 * 39);
    expect(snapshot.services).toHaveLength(3 * 9);
    expect(await indexSnapshot(second.hub)).toEqual(snapshot);
    for (const q of ['crisis care', 'edited', 'peer']) {
      const a = await first.client.searchInnovations({ q, limit: 50 });
      const b = await second.client.searchInnovations({ q, limit: 50 });
      expect(b.items).toEqual(a.items);
    }
    const services = async (hub: typeof first) =>
      (await hub.client.searchServices({ q: 'crisis', limit: 50 })).items;
    expect(await services(second)).toEqual(await services(first));
  });
});
