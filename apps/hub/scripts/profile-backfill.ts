import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubClient } from '@promise-global/sdk/client/hub';
import { createHub } from '../src/index.js';
import { enrolAndApprove } from '../test/support/enrol.js';
import { startBenchNodes } from './bench-support.js';

// Profiling aid: `node --cpu-prof --conditions=source --import tsx scripts/profile-backfill.ts`.
const dir = await mkdtemp(join(tmpdir(), 'hub-profile-'));
const nodes = await startBenchNodes(4, 2_500);
const token = 'profile-operator-token-0123456789abcdef';
const hub = await createHub({
  database: { url: `file:${join(dir, 'hub.db')}` },
  allowPrivateHosts: ['127.0.0.1'],
  logLevel: 'silent',
  bootstrapOperatorToken: token,
  harvest: { schedule: false },
});
await hub.start();
const operator = new HubClient({ baseUrl: hub.url, token });
const started = performance.now();
for (const node of nodes) await enrolAndApprove(operator, node.url);
await hub.harvester.syncDue();
console.log(`${((10_000 / (performance.now() - started)) * 1000).toFixed(0)} records/s`);
await hub.close();
for (const node of nodes) await node.close();
