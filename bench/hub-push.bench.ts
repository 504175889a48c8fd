import { createHub } from '../apps/hub/src/index.js';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import { innovationData } from '../apps/hub/test/support/fixtures.js';
import { startTestNode } from '../apps/hub/test/support/test-node.js';
import { HubClient } from '../packages/sdk/src/client/hub-client.js';

const EDITS = 40;
const TOKEN = 'bench-operator-token-0123456789abcdef';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/**
 * Edit-to-searchable latency: a node publishes an edit and pings the hub; the clock stops when the
 * hub's tRPC search returns it. Baseline: the same edit made searchable by an operator-triggered
 * sync (no ping), i.e. the hub's own floor.
 */
export default async function (): Promise<void> {
  const hub = await createHub({
    database: { url: ':memory:' },
    allowPrivateHosts: ['127.0.0.1'],
    logLevel: 'silent',
    bootstrapOperatorToken: TOKEN,
    harvest: { schedule: false },
  });
  await hub.start();
  const node = await startTestNode({ partnerId: 'pushy' });
  const client = new HubClient({ baseUrl: hub.url });
  const operator = new HubClient({ baseUrl: hub.url, token: TOKEN });
  try {
    for (let i = 0; i < 200; i++)
      await node.publish('innovation', { ...innovationData('pushy', i) });
    await enrolAndApprove(operator, node.url, node.key.kid);
    await operator.syncNode({ partnerId: 'pushy' });
    const measure = async (mode: 'push' | 'sync', i: number) => {
      const word = `${mode}edit${i}marker`;
      const start = performance.now();
      await node.publish('innovation', {
        ...innovationData('pushy', i, { title: `Edited ${word}` }),
      });
      if (mode === 'push') await node.ping(hub.url);
      else await operator.syncNode({ partnerId: 'pushy' });
      for (;;) {
        const page = await client.searchInnovations({ q: word });
        if (page.items.length > 0) return performance.now() - start;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const times = { sync: [] as number[], push: [] as number[] };
    for (let i = 0; i < EDITS; i++) {
      times.sync.push(await measure('sync', i));
      times.push.push(await measure('push', i));
    }
    const line = (name: 'sync' | 'push') =>
      `p50 ${percentile(times[name], 50).toFixed(1)} ms, p95 ${percentile(times[name], 95).toFixed(1)} ms`;
    console.log(`baseline (edit → operator sync → searchable): ${line('sync')}`);
    console.log(
      `push (edit → signed ping → hub sync → searchable): ${line('push')} (target p95 < 2000 ms)`,
    );
    console.log(
      `ratio push/baseline p95: ${(percentile(times.push, 95) / percentile(times.sync, 95)).toFixed(2)}`,
    );
  } finally {
    await node.close();
    await hub.close();
  }
}
