import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub } from '@promise-global/hub';
import { HubClient } from '@promise-global/sdk/client/hub';
import { afterAll, describe, expect, it } from 'vitest';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import { eventually, OPERATOR_TOKEN } from './support/federation.js';
import {
  hubIndexState,
  hubLog,
  hubNodeRows,
  nodeLiveState,
  nodeLog,
} from './support/soak-check.js';
import { SoakNode } from './support/soak-node.js';
import { type Operation, runOperation, seededRandom } from './support/soak-schedule.js';

// A bounded soak: 10 real nodes and the hub on loopback, a seeded random schedule of edits,
// creations, withdrawals, deletions, key rotations and outages while the hub syncs by ping and on
// a 2-second schedule. SOAK_SECONDS (default 90, at most 180) bounds the random phase.
const SEED = Number(process.env.SOAK_SEED ?? 52);
const SOAK_MS = Math.min(Number(process.env.SOAK_SECONDS ?? 90), 180) * 1000;
const NODES = 10;
/** Errors an outage explains: the node's port refuses or drops connections while it is down. */
const OUTAGE_CODES = new Set(['CONNECTION_REFUSED', 'CONNECTION_RESET', 'NETWORK_ERROR']);

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of cleanup.reverse()) await close();
});

describe('soak: edits, withdrawals, rotations and outages across 10 nodes', () => {
  it(
    'ends with the hub holding exactly the union of the nodes logs and an index of their live state',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'e2e-soak-'));
      cleanup.push(() => rm(dir, { recursive: true, force: true }));
      const hub: Hub = await createHub({
        database: { url: `file:${join(dir, 'hub.db')}` },
        allowPrivateHosts: ['127.0.0.1'],
        bootstrapOperatorToken: OPERATOR_TOKEN,
        logLevel: 'silent',
        // Ten nodes share 127.0.0.1 here; in a network each pings from its own address.
        limits: { pingsPerClient: [{ limit: 100_000, windowSeconds: 60 }] },
        harvest: {
          schedule: '*/2 * * * * *',
          backoff: { baseMs: 200, maxMs: 2_000 },
          timeouts: { connectMs: 1_000, firstByteMs: 2_000, totalMs: 5_000 },
        },
      });
      await hub.start();
      cleanup.push(() => hub.close());
      const operator = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });

      const nodes = Array.from(
        { length: NODES },
        (_, n) => new SoakNode(`soak-${n}`, dir, hub.url),
      );
      for (const node of nodes) {
        await node.start();
        cleanup.push(() => node.stop());
        await enrolAndApprove(operator, node.url);
      }

      // Watch the node status the hub records: every error code it shows is collected.
      const seenCodes = new Map<string, number>();
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          for (const row of await hubNodeRows(hub)) {
            if (row.lastErrorCode)
              seenCodes.set(row.lastErrorCode, (seenCodes.get(row.lastErrorCode) ?? 0) + 1);
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      })();

      const random = seededRandom(SEED);
      const items = new Map(nodes.map((node) => [node, { services: [], innovations: [] }]));
      const counts = new Map<Operation | 'skip', number>();
      const restarts: Promise<void>[] = [];
      const rotationsPending = new Map<SoakNode, string>();
      const hooks = {
        async rotationApplied(node: SoakNode) {
          const row = (await hubNodeRows(hub)).find((r) => r.partnerId === node.partnerId);
          const kid = node.node?.context.key.kid;
          return kid !== undefined && row?.activeKids.includes(kid) === true;
        },
        outage(node: SoakNode, ms: number) {
          restarts.push(new Promise((resolve) => setTimeout(resolve, ms)).then(() => node.start()));
        },
      };
      const started = Date.now();
      for (let serial = 1; Date.now() - started < SOAK_MS; serial++) {
        const node = nodes[Math.floor(random() * NODES)];
        const list = node && items.get(node);
        if (!node?.up || !list) continue;
        const done = await runOperation(random, node, list, hooks, serial);
        if (done === 'rotateKey' && node.node)
          rotationsPending.set(node, node.node.context.key.kid);
        counts.set(done, (counts.get(done) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 30)));
      }
      await Promise.all(restarts);
      console.log(
        `soak (seed ${SEED}, ${SOAK_MS / 1000} s): ${[...counts].map(([op, n]) => `${op} ${n}`).join(', ')}`,
      );

      // Final sync: every node up, its pings sent; the hub converges by ping and schedule.
      await eventually(async () => {
        const rows = await hubNodeRows(hub);
        for (const node of nodes) {
          const head = (await node.node?.context.feed.currentHead())?.seq;
          const row = rows.find((r) => r.partnerId === node.partnerId);
          // Caught up, and recovered on its own from any outage at the end of the run.
          expect(row).toMatchObject({ cursorSeq: head, headSeq: head, health: 'healthy' });
        }
      }, 60_000);
      watching = false;
      await watcher;

      for (const node of nodes) {
        const log = await nodeLog(node);
        expect(await hubLog(hub, node.partnerId), node.partnerId).toEqual(log);
        expect(await hubIndexState(hub, node.partnerId), node.partnerId).toEqual(
          await nodeLiveState(node),
        );
      }
      const rows = await hubNodeRows(hub);
      const unhealthy = rows.filter((row) => row.health !== 'healthy');
      expect(
        unhealthy.map(({ partnerId, health, lastErrorCode }) => ({
          partnerId,
          health,
          lastErrorCode,
        })),
      ).toEqual([]);
      for (const [node, kid] of rotationsPending) {
        expect(rows.find((row) => row.partnerId === node.partnerId)?.activeKids).toContain(
          node.node?.context.key.kid ?? kid,
        );
      }
      const pings = await hub.db.$client.execute('SELECT name, value FROM counters ORDER BY name');
      console.log(
        `hub errors seen in node status (200 ms polls showing each): ${[...seenCodes].map(([code, n]) => `${code} ×${n}`).join(', ') || 'none'}; hub counters: ${pings.rows.map((row) => `${row.name} ${row.value}`).join(', ')}`,
      );
      const expected = new Set((counts.get('outage') ?? 0) > 0 ? OUTAGE_CODES : []);
      expect([...seenCodes.keys()].filter((code) => !expected.has(code))).toEqual([]);
      expect(counts.get('rotateKey') ?? 0).toBeGreaterThan(0);
      expect(counts.get('outage') ?? 0).toBeGreaterThan(0);
    },
    SOAK_MS + 150_000,
  );
});
