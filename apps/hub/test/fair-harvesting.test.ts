import { generateSigningKey } from '@promise-global/sdk/keys';
import { signPing } from '@promise-global/sdk/sign';
import { afterEach, describe, expect, it } from 'vitest';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData } from './support/fixtures.js';
import { type HostileNode, startHostileNode } from './support/hostile-node.js';
import { drippingFeed, hangingFeed } from './support/stalling-feed.js';
import { eventually, startTestHub } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

/**
 * A hub with one healthy node and eight that turn hostile after enrolment (six drip a byte a
 * second, two never answer), with timeouts long enough that each hostile sync lasts seconds.
 */
async function contendedHub() {
  const { hub, client, operator } = await startTestHub({
    harvest: {
      timeouts: { connectMs: 3_000, firstByteMs: 5_000, totalMs: 20_000 },
      backoff: { baseMs: 1, maxMs: 1 },
      breakerThreshold: 1_000,
    },
    limits: { pingsPerClient: [{ limit: 100_000, windowSeconds: 1 }] },
  });
  cleanup.push(() => hub.close());
  const healthy = await startTestNode({ partnerId: 'steady' });
  cleanup.push(() => healthy.close());
  await enrolAndApprove(operator, healthy.url, healthy.key.kid);
  const hostile: HostileNode[] = [];
  for (let i = 0; i < 8; i++) {
    const node = await startHostileNode(`stall${i}`, await generateSigningKey());
    cleanup.push(() => node.close());
    await enrolAndApprove(operator, node.url, node.key.kid);
    await operator.syncNode({ partnerId: node.partnerId });
    node.behaviour = i < 6 ? drippingFeed() : hangingFeed();
    hostile.push(node);
  }
  await operator.syncNode({ partnerId: 'steady' });
  const pingAll = () =>
    Promise.all(
      hostile.map(async (node) =>
        fetch(`${hub.url}/ping`, {
          method: 'POST',
          body: await signPing(node.key, { iss: node.url, aud: hub.url, seq: 3 }),
        }),
      ),
    );
  return { hub, client, healthy, hostile, pingAll };
}

describe('fair harvesting', () => {
  it('moves nodes that outlast the fast lane’s budget to the slow lane', async () => {
    const { hub, pingAll } = await contendedHub();
    await pingAll();
    void hub.harvester.syncDue();
    await eventually(async () => expect(hub.harvester.load()).toEqual({ fast: 0, slow: 8 }), 8_000);
  });

  it('makes a healthy node’s pinged edit searchable within a second while eight nodes stall', async () => {
    const { hub, client, healthy, pingAll } = await contendedHub();
    await pingAll();
    await eventually(async () => expect(hub.harvester.load().fast).toBe(0), 8_000);
    for (let i = 0; i < 5; i++) {
      // The stalled nodes keep asking: pings and scheduled polls, all while their syncs hang.
      await pingAll();
      void hub.harvester.syncDue();
      expect(hub.harvester.load().slow).toBeGreaterThanOrEqual(8);
      const word = `steadyedit${i}`;
      const start = performance.now();
      await healthy.publish('innovation', {
        ...innovationData('steady', i, { title: `Edited ${word}` }),
      });
      expect((await healthy.ping(hub.url)).status).toBe(202);
      await eventually(async () => {
        expect((await client.searchInnovations({ q: word })).items).toHaveLength(1);
      });
      expect(performance.now() - start).toBeLessThan(1_000);
    }
  });

  it('counts a slow-lane sync that outlasts its budget without progress as a failure', async () => {
    const { hub, hostile } = await contendedHub();
    const [stalled] = hostile;
    if (!stalled) throw new Error('no hostile node');
    await hub.close();
    const { hub: strict, operator } = await startTestHub({
      harvest: { fastLaneBudgetMs: 100, slowLaneBudgetMs: 300 },
    });
    cleanup.push(() => strict.close());
    stalled.behaviour = { kind: 'honest' };
    await enrolAndApprove(operator, stalled.url, stalled.key.kid);
    await operator.syncNode({ partnerId: stalled.partnerId });
    stalled.behaviour = hangingFeed();
    expect(await strict.harvester.sync(1)).toMatchObject({
      outcome: 'failed',
      code: 'SYNC_BUDGET',
    });
    expect(strict.harvester.load()).toEqual({ fast: 0, slow: 0 });
  });
});
