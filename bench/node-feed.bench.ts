import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveBytes } from '../apps/node/scripts/bench-servers.js';
import { createNode } from '../apps/node/src/index.js';

const PAGE = 500;
const REQUESTS = 600;
const WARM_UP = 100;
const CONCURRENCY = 16;

/** Bounded loopback load: `REQUESTS` GETs, `CONCURRENCY` at a time; returns requests per second. */
async function load(url: string, requests = REQUESTS): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next++ < requests) {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      await response.arrayBuffer();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return requests / ((performance.now() - started) / 1000);
}

export default async function (): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'promise-node-bench-'));
  const node = await createNode({ partnerId: 'bench', dataDir: dir, port: 0, logLevel: 'silent' });
  try {
    const base = await node.start();
    const token = await node.createToken('bench', 'editor');
    for (let i = 0; i < PAGE; i++) {
      const response = await fetch(`${base}/api/organisations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `Bench organisation ${i}`,
          description: 'A fictional organisation used to fill a feed page for the benchmark.',
          type: 'vcfse',
        }),
      });
      if (response.status !== 201) throw new Error(`seeding failed: ${response.status}`);
    }
    const feedUrl = `${base}/feed?after=0&limit=${PAGE}`;
    const bytes = await (await fetch(feedUrl)).text();
    const bare = await serveBytes('/feed', bytes);
    try {
      await load(bare.url, WARM_UP);
      await load(feedUrl, WARM_UP);
      const baseline = await load(bare.url);
      const real = await load(feedUrl);
      console.log(
        `feed page: ${PAGE} records, ${(bytes.length / 1024).toFixed(0)} KiB; ${REQUESTS} requests, ${CONCURRENCY} concurrent`,
      );
      console.log(`bare Hono, same bytes pre-serialised: ${baseline.toFixed(0)} req/s`);
      console.log(`node /feed:                           ${real.toFixed(0)} req/s`);
      console.log(`ratio node/bare: ${(real / baseline).toFixed(2)} (target >= 0.5)`);
    } finally {
      await bare.close();
    }
  } finally {
    await node.close();
  }
  await rm(dir, { recursive: true, force: true });
}
