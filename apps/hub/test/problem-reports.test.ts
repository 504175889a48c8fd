import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hub } from '../src/create-hub.js';
import { enrolAndApprove } from './support/enrol.js';
import { organisationData, serviceData } from './support/fixtures.js';
import { eventually, startTestHub } from './support/test-hub.js';
import { startTestNode, type TestNode } from './support/test-node.js';

// The hub as courier of readers' problem reports, against a member that never takes them (this
// test node has no report endpoint): kept and retried with backoff, dropped after `keepDays`.
let hub: Hub;
let node: TestNode;
let serviceId: string;

beforeAll(async () => {
  const started = await startTestHub({
    problemReports: { retryBaseMs: 60_000, retryMaxMs: 120_000, keepDays: 30 },
  });
  hub = started.hub;
  node = await startTestNode({ partnerId: 'fenland' });
  await node.publish('organisation', { ...organisationData('fenland') });
  const service = serviceData('fenland', 1);
  serviceId = service.id;
  await node.publish('service', { ...service });
  await enrolAndApprove(started.operator, node.url, node.key.kid);
  await started.operator.syncNode({ partnerId: 'fenland' });
});

afterAll(async () => {
  await hub?.close();
  await node?.close();
});

const rows = async () =>
  (
    await hub.context.db.$client.execute(
      'SELECT attempts, next_attempt_at, last_error FROM problem_reports',
    )
  ).rows;

describe('the hub’s problem-report courier', () => {
  it('keeps a report its node refuses, backs off, and deletes it after keepDays', async () => {
    await hub.context.reports.accept({
      partnerId: 'fenland',
      serviceId,
      kind: 'wrong_address',
      details: 'Moved to the high street.',
    });
    // The first attempt runs at once and fails (404): the report stays, due again in a minute.
    const row = await eventually(async () => {
      const [first] = await rows();
      if (Number(first?.attempts ?? 0) === 0) throw new Error('not tried yet');
      return first;
    });
    expect(Number(row?.attempts)).toBe(1);
    expect(String(row?.last_error)).toContain('HTTP 404');
    expect(Number(row?.next_attempt_at)).toBeGreaterThan(Date.now() + 50_000);
    // A pass now does not retry it early.
    await hub.context.reports.deliverDue();
    expect(Number((await rows())[0]?.attempts)).toBe(1);
    // A pass 31 days on finds it too old: deleted, never published.
    await hub.context.reports.deliverDue(Date.now() + 31 * 86_400_000);
    expect(await hub.context.reports.waiting()).toBe(0);
  });

  it('refuses a report about a listing the network does not hold', async () => {
    await expect(
      hub.context.reports.accept({
        partnerId: 'fenland',
        serviceId: 'no-such-service',
        kind: 'other',
        details: 'x',
      }),
    ).rejects.toMatchObject({ code: 'SERVICE_NOT_FOUND' });
  });
});
