import { createHub } from '../apps/hub/src/index.js';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import { innovationData } from '../apps/hub/test/support/fixtures.js';
import { type HostileNode, startHostileNode } from '../apps/hub/test/support/hostile-node.js';
import { drippingFeed, hangingFeed } from '../apps/hub/test/support/stalling-feed.js';
import { startTestNode, type TestNode } from '../apps/hub/test/support/test-node.js';
import { HubClient } from '../packages/sdk/src/client/hub-client.js';
import { generateSigningKey } from '../packages/sdk/src/keys/index.js';
import { signPing } from '../packages/sdk/src/sign/index.js';

const EDITS = 40;
const HEALTHY = 2;
const TOKEN = 'bench-operator-token-0123456789abcdef';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/**
 * Edit-to-searchable latency of healthy nodes (edit, signed ping, hub sync, search finds it) on a
 * hub with the default harvest settings, polling every second. Hostile run: six nodes that drip a
 * byte a second and two that never answer are enrolled beside the healthy ones and ping the hub
 * all the time. Baseline: the same hub and healthy nodes with no hostile node, in the same run.
 */
async function measure(hostileCount: { drip: number; hang: number }): Promise<number[]> {
  const hub = await createHub({
    database: { url: ':memory:' },
    allowPrivateHosts: ['127.0.0.1'],
    logLevel: 'silent',
    bootstrapOperatorToken: TOKEN,
    harvest: { schedule: '* * * * * *' },
    limits: { pingsPerClient: [{ limit: 1_000_000, windowSeconds: 1 }] },
  });
  await hub.start();
  const client = new HubClient({ baseUrl: hub.url });
  const operator = new HubClient({ baseUrl: hub.url, token: TOKEN });
  const healthy: TestNode[] = [];
  const hostile: HostileNode[] = [];
  let pinging = true;
  let pinger: Promise<void> = Promise.resolve();
  try {
    for (let n = 0; n < HEALTHY; n++) {
      const node = await startTestNode({ partnerId: `healthy${n}` });
      healthy.push(node);
      for (let i = 0; i < 50; i++)
        await node.publish('innovation', { ...innovationData(node.partnerId, i) });
      await enrolAndApprove(operator, node.url, node.key.kid);
      await operator.syncNode({ partnerId: node.partnerId });
    }
    for (let n = 0; n < hostileCount.drip + hostileCount.hang; n++) {
      const node = await startHostileNode(`hostile${n}`, await generateSigningKey());
      hostile.push(node);
      await enrolAndApprove(operator, node.url, node.key.kid);
      await operator.syncNode({ partnerId: node.partnerId });
      node.behaviour = n < hostileCount.drip ? drippingFeed() : hangingFeed();
    }
    pinger = (async () => {
      while (pinging && hostile.length > 0) {
        await Promise.all(
          hostile.map(async (node) =>
            fetch(`${hub.url}/ping`, {
              method: 'POST',
              body: await signPing(node.key, { iss: node.url, aud: hub.url, seq: 3 }),
            }),
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const node = healthy[i % HEALTHY] as TestNode;
      const word = `contended${i}edit`;
      const start = performance.now();
      await node.publish('innovation', {
        ...innovationData(node.partnerId, i, { title: `Edited ${word}` }),
      });
      await node.ping(hub.url);
      for (;;) {
        const page = await client.searchInnovations({ q: word });
        if (page.items.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    pinging = false;
    await pinger;
    for (const node of [...healthy, ...hostile]) await node.close();
    await hub.close();
  }
}

export default async function (): Promise<void> {
  const baseline = await measure({ drip: 0, hang: 0 });
  const contended = await measure({ drip: 6, hang: 2 });
  const line = (times: number[]) =>
    `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`;
  console.log(`baseline (${HEALTHY} healthy nodes, no hostile node): ${line(baseline)}`);
  console.log(
    `hostile (${HEALTHY} healthy + 6 dripping + 2 hanging nodes): ${line(contended)} (target p95 < 1000 ms)`,
  );
  console.log(
    `ratio hostile/baseline p95: ${(percentile(contended, 95) / percentile(baseline, 95)).toFixed(2)}`,
  );
}
