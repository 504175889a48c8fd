import { createHub, type Hub } from '@promise-global/hub';
import { createNode, type PromiseNode } from '@promise-global/node';
import { HubClient } from '@promise-global/sdk/client/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import { startWorkspaceNode, type WorkspaceNode } from './admin-fixture.js';
import { eventually, OPERATOR_TOKEN } from './support/federation.js';

// A node that cannot be reached does not lose a reader's report: the hub keeps it, retries with
// backoff, and deletes its own copy once the node has it.
let hub: Hub;
let workspace: WorkspaceNode;
let restarted: PromiseNode | undefined;

beforeAll(async () => {
  hub = await createHub({
    database: { url: ':memory:' },
    allowPrivateHosts: ['127.0.0.1'],
    bootstrapOperatorToken: OPERATOR_TOKEN,
    harvest: { schedule: false },
    logLevel: 'silent',
    problemReports: { retryBaseMs: 100, retryMaxMs: 400, keepDays: 30 },
  });
  await hub.start();
  workspace = await startWorkspaceNode({ hubUrl: hub.url });
  const operator = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });
  await enrolAndApprove(operator, workspace.url);
  await operator.syncNode({ partnerId: 'fenland' });
}, 120_000);

afterAll(async () => {
  await restarted?.close();
  await workspace?.close();
  await hub?.close();
});

async function hubRows() {
  const result = await hub.context.db.$client.execute(
    'SELECT attempts, last_error FROM problem_reports',
  );
  return result.rows.map((row) => ({ attempts: Number(row.attempts), lastError: row.last_error }));
}

describe('a report for a node that is down', () => {
  it('is kept and retried by the hub, then delivered once when the node is back', async () => {
    const { port } = new URL(workspace.url);
    await workspace.node.close();
    const client = new HubClient({ baseUrl: hub.url });
    await client.reportProblem({
      partnerId: 'fenland',
      serviceId: workspace.crisisLine.id,
      kind: 'wrong_hours',
      details: 'Closed on Sundays now.',
      replyTo: 'reader@example.org',
    });
    // At least two failed attempts: the hub backs off and tries again, keeping the report.
    await eventually(async () => {
      const rows = await hubRows();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.attempts).toBeGreaterThanOrEqual(2);
      expect(String(rows[0]?.lastError)).toMatch(/refused|CONNECTION/i);
    });
    // The same node (database, key, address) starts again.
    restarted = await createNode({ ...workspace.node.config, port: Number(port) });
    await restarted.start();
    await eventually(async () => expect(await hub.context.reports.waiting()).toBe(0), 15_000);
    const token = await restarted.createToken('checker', 'editor');
    const inbox = (await (
      await fetch(`${workspace.url}/api/problem-reports`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { items: Array<{ details: string; replyTo: string | null }> };
    expect(inbox.items).toEqual([
      expect.objectContaining({ details: 'Closed on Sundays now.', replyTo: 'reader@example.org' }),
    ]);
  });
});
