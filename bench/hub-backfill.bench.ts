import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baselineBackfill, startBenchNodes } from '../apps/hub/scripts/bench-support.js';
import { createHub } from '../apps/hub/src/index.js';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import { HubClient } from '../packages/sdk/src/client/hub-client.js';

const NODES = 10;
const PER_NODE = 5_000;
const PAGE = 500;
const CONCURRENCY = 4;
const TOKEN = 'bench-operator-token-0123456789abcdef';

async function hubBackfill(urls: string[], database: string): Promise<number> {
  const hub = await createHub({
    database: { url: database },
    allowPrivateHosts: ['127.0.0.1'],
    logLevel: 'silent',
    bootstrapOperatorToken: TOKEN,
    harvest: { schedule: false, pageLimit: PAGE, concurrency: CONCURRENCY },
  });
  await hub.start();
  const operator = new HubClient({ baseUrl: hub.url, token: TOKEN });
  for (const url of urls) await enrolAndApprove(operator, url);
  await hub.harvester.syncDue();
  const stored = await hub.db.$client.execute('SELECT count(*) AS n FROM entries');
  await hub.close();
  return Number(stored.rows[0]?.n);
}

/** Backfill throughput: the hub (verify chain + schema, log, index, cursor) vs the bare baseline. */
export default async function (): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-bench-'));
  const started = Date.now();
  const nodes = await startBenchNodes(NODES, PER_NODE);
  const bytes = nodes.reduce(
    (sum, node) => sum + node.log.reduce((s, jws) => s + jws.length, 0),
    0,
  );
  const total = NODES * PER_NODE;
  console.log(
    `${NODES} nodes × ${PER_NODE} records, mean record ${Math.round(bytes / total)} B (signed in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  try {
    const rates: { baseline: number[]; hub: number[] } = { baseline: [], hub: [] };
    for (let round = 0; round < 2; round++) {
      let t = performance.now();
      const base = await baselineBackfill(
        nodes,
        `file:${join(dir, `baseline-${round}.db`)}`,
        PAGE,
        CONCURRENCY,
      );
      rates.baseline.push(base / ((performance.now() - t) / 1000));
      t = performance.now();
      const stored = await hubBackfill(
        nodes.map((node) => node.url),
        `file:${join(dir, `hub-${round}.db`)}`,
      );
      rates.hub.push(stored / ((performance.now() - t) / 1000));
      if (stored !== total || base !== total)
        throw new Error(`stored ${stored} / ${base} of ${total}`);
    }
    const best = (list: number[]) => Math.max(...list);
    const ratio = best(rates.hub) / best(rates.baseline);
    console.log(
      `baseline (fetch + jose verify + multi-row FTS5 insert): ${rates.baseline.map((r) => r.toFixed(0)).join(', ')} records/s`,
    );
    console.log(
      `hub (chain verify + schema + log + index + cursor, one tx/page): ${rates.hub.map((r) => r.toFixed(0)).join(', ')} records/s`,
    );
    console.log(
      `ratio hub/baseline (best of 2): ${ratio.toFixed(2)} (target ≥ 0.7); hub ${best(rates.hub).toFixed(0)} records/s (target ≥ 2000)`,
    );
  } finally {
    for (const node of nodes) await node.close();
    await rm(dir, { recursive: true, force: true });
  }
}
