import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHub } from '../apps/hub/src/index.js';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import { fixturePartners, startFixtureNode, startPortal } from '../e2e/portal-fixture.js';
import { HubClient } from '../packages/sdk/src/client/hub-client.js';

/**
 * Portal read throughput as in production: the built portal (its server.js), the hub and the
 * nodes each in their own process on loopback. Each page is loaded by 50 keep-alive connections
 * for 20 s; the baseline is the same SvelteKit app answering a page from memory (the accessibility
 * statement: no hub call of its own), measured in the same run. Then the home page at 200
 * connections for 10 s: how many answers came within 1 s, and how many were shed (503).
 */
const CONNECTIONS = 50;
const SECONDS = Number(process.env.PORTAL_READ_SECONDS ?? 20);
const OVERLOAD_CONNECTIONS = 200;
const OVERLOAD_SECONDS = 10;
const TOKEN = 'bench-operator-token-0123456789abcdef';
const SELF = fileURLToPath(import.meta.url);

type Role = 'nodes' | 'hub';

/** A child process: the fixture's nodes, or the hub (file database), reporting its URLs. */
async function childMain(role: Role): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `portal-read-${role}-`));
  if (role === 'nodes') {
    const ids: Record<string, string> = {};
    const nodes = [];
    for (const fixture of fixturePartners()) nodes.push(await startFixtureNode(fixture, dir, ids));
    process.send?.({ urls: nodes.map((node) => node.url), ids });
  } else {
    const hub = await createHub({
      database: { url: `file:${join(dir, 'hub.db')}` },
      allowPrivateHosts: ['127.0.0.1'],
      bootstrapOperatorToken: TOKEN,
      harvest: { schedule: false },
      logLevel: 'silent',
    });
    await hub.start();
    process.send?.({ urls: [hub.url], ids: {} });
  }
  process.on(
    'disconnect',
    () => void rm(dir, { recursive: true, force: true }).finally(() => process.exit(0)),
  );
}

function startChild(
  role: Role,
): Promise<{ child: ChildProcess; urls: string[]; ids: Record<string, string> }> {
  const child = fork(SELF, [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
    env: { ...process.env, PORTAL_READ_CHILD: role },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { urls: string[]; ids: Record<string, string> }) =>
      resolve({ child, ...message }),
    );
    child.once('exit', (code) => reject(new Error(`${role} process exited (${code})`)));
  });
}

interface LoadResult {
  ok: number;
  shed: number;
  other: number;
  within1s: number;
  total: number;
  latencies: number[];
  bytes: number;
  seconds: number;
}

/** `connections` keep-alive clients, each asking for `path` again as soon as it has its answer. */
async function load(
  base: string,
  path: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(path, base);
  const result: LoadResult = {
    ok: 0,
    shed: 0,
    other: 0,
    within1s: 0,
    total: 0,
    latencies: [],
    bytes: 0,
    seconds,
  };
  const ends = performance.now() + seconds * 1000;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = request(url, { agent, headers: { 'accept-encoding': 'identity' } }, (res) => {
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
        });
        res.on('end', () => {
          const took = performance.now() - started;
          result.total++;
          result.latencies.push(took);
          if (took <= 1000) result.within1s++;
          if (res.statusCode === 200) {
            result.ok++;
            result.bytes = size;
          } else if (res.statusCode === 503) result.shed++;
          else result.other++;
          resolve();
        });
      });
      req.on('error', () => {
        result.total++;
        result.other++;
        resolve();
      });
      req.end();
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < ends) await once();
    }),
  );
  agent.destroy();
  return result;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export default async function (): Promise<void> {
  const [nodes, hub] = await Promise.all([startChild('nodes'), startChild('hub')]);
  let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
  try {
    const hubUrl = hub.urls[0] ?? '';
    const operator = new HubClient({ baseUrl: hubUrl, token: TOKEN });
    for (const url of nodes.urls) {
      const status = await enrolAndApprove(operator, url);
      await operator.syncNode({ partnerId: status.partnerId });
    }
    portal = await startPortal(hubUrl);
    const pages = [
      ['baseline (from memory)', '/accessibility'],
      ['home', '/'],
      ['search results', '/innovations?q=crisis'],
      ['service finder', '/services'],
      ['piece page', `/innovations/riverside/${nodes.ids.peerRecovery}`],
    ] as const;
    // Warm up each page (compiles, first hub answers) before measuring.
    for (const [, path] of pages) await load(portal.url, path, 4, 1);
    console.log(
      `${CONNECTIONS} connections, ${SECONDS} s per page; portal, hub and nodes in separate processes`,
    );
    let baseline = 0;
    for (const [name, path] of pages) {
      const r = await load(portal.url, path, CONNECTIONS, SECONDS);
      const rate = r.ok / r.seconds;
      if (baseline === 0) baseline = rate;
      console.log(
        `${name.padEnd(24)} ${rate.toFixed(0).padStart(6)} req/s  ${(rate / baseline).toFixed(2)}× baseline  p50 ${percentile(r.latencies, 50).toFixed(0)} ms  p99 ${percentile(r.latencies, 99).toFixed(0)} ms  ${(r.bytes / 1024).toFixed(0)} KiB  (${r.shed} shed, ${r.other} other)`,
      );
    }
    const over = await load(portal.url, '/', OVERLOAD_CONNECTIONS, OVERLOAD_SECONDS);
    const share = (n: number) => `${((n / Math.max(1, over.total)) * 100).toFixed(1)}%`;
    console.log(
      `home at ${OVERLOAD_CONNECTIONS} connections for ${OVERLOAD_SECONDS} s: ${over.total} answers, ${share(over.within1s)} within 1 s, ${share(over.shed)} shed (503), ${(over.ok / over.seconds).toFixed(0)} pages/s served, p99 ${percentile(over.latencies, 99).toFixed(0)} ms`,
    );
    const after = await load(portal.url, '/', 1, 2);
    console.log(
      `home just after, one reader: p50 ${percentile(after.latencies, 50).toFixed(0)} ms`,
    );
  } finally {
    portal?.child.kill('SIGTERM');
    nodes.child.disconnect();
    hub.child.disconnect();
  }
}

const role = process.env.PORTAL_READ_CHILD;
if ((role === 'nodes' || role === 'hub') && process.argv[1] === SELF) await childMain(role);
