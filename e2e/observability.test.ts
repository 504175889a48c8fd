import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { HubClient } from '@promise-global/sdk/client/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port.js';
import { sample as sampleOf, scrape as scrapeWith } from './support/metrics-scrape.js';

// An operator's view of a running node and hub, both started from their built bins: every line
// they print is a JSON log line with an ISO time, a refused ping says why on both sides, and
// /metrics (behind a token, or on a loopback port of its own) moves as they work.
const run = promisify(execFile);
const nodeBin = fileURLToPath(new URL('../apps/node/bin/promise-node.js', import.meta.url));
const hubBin = fileURLToPath(new URL('../apps/hub/bin/promise-hub.js', import.meta.url));
const METRICS_TOKEN = 'e2e-metrics-token-0123456789abcdef';
const OPERATOR_TOKEN = 'e2e-operator-token-0123456789abcdef';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface Server {
  child: ChildProcess;
  /** Everything it printed on stdout so far. */
  stdout(): string;
}

let dir: string;
const servers: Server[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-observability-'));
});

afterAll(async () => {
  for (const { child } of servers) await stop(child);
  await rm(dir, { recursive: true, force: true });
});

/** Spawns `bin --config config start` and resolves once its stdout includes `ready`. */
async function start(bin: string, config: string, ready: string): Promise<Server> {
  const child = spawn(process.execPath, [bin, '--config', config, 'start'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(ready)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`start exited with ${code}: ${out}${err}`)));
  });
  const server = { child, stdout: () => out };
  servers.push(server);
  return server;
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

/** The JSON log lines a server printed (throws on any line that is not JSON). */
function logLines(server: Server): Record<string, unknown>[] {
  return server
    .stdout()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}

/** Waits until the server has logged a line matching `line`, and returns it. */
async function logged(server: Server, line: Record<string, unknown>) {
  for (;;) {
    const found = logLines(server).find((entry) =>
      Object.entries(line).every(([key, value]) => entry[key] === value),
    );
    if (found) return found;
    await delay(25);
  }
}

const scrape = (url: string) => scrapeWith(url, METRICS_TOKEN);
const sample = (text: string, series: string) => sampleOf(text, series) ?? 0;

/** Scrapes until `series` reaches `value`. */
async function metricReaches(url: string, series: string, value: number): Promise<string> {
  for (;;) {
    const text = await scrape(url);
    if (sample(text, series) >= value) return text;
    await delay(50);
  }
}

describe('operating a node and a hub', () => {
  it('logs JSON lines only, says why a ping was refused, and serves metrics that move', async () => {
    const [hubPort, hubMetricsPort, nodePort] = [
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const hubUrl = `http://127.0.0.1:${hubPort}`;
    const nodeUrl = `http://127.0.0.1:${nodePort}`;
    await mkdir(join(dir, 'hub'), { mode: 0o700 });
    await mkdir(join(dir, 'node'), { mode: 0o700 });
    const hubConfig = join(dir, 'hub', 'promise-hub.json');
    const nodeConfig = join(dir, 'node', 'promise-node.json');
    // No `init`: the first start creates and migrates each database, and logs it.
    await writeFile(
      hubConfig,
      JSON.stringify({
        port: hubPort,
        database: { url: 'file:hub.db' },
        bootstrapOperatorToken: OPERATOR_TOKEN,
        allowPrivateHosts: ['127.0.0.1'],
        harvest: { schedule: false },
        metrics: { port: hubMetricsPort, token: METRICS_TOKEN },
      }),
      { mode: 0o600 },
    );
    await writeFile(
      nodeConfig,
      JSON.stringify({
        partnerId: 'fenland',
        dataDir: '.',
        port: nodePort,
        hubUrl,
        pingRetries: 0,
        metricsToken: METRICS_TOKEN,
        partner: {
          name: 'Fenland Mental Health Partnership',
          country: 'GB',
          website: 'https://fenland.example.org',
          contactEmail: 'promise@fenland.example.org',
          description: 'A fictional partner.',
        },
      }),
      { mode: 0o600 },
    );

    const hub = await start(hubBin, hubConfig, '"hub listening"');
    const node = await start(nodeBin, nodeConfig, 'listening at');
    const hubMetrics = `http://127.0.0.1:${hubMetricsPort}/metrics`;
    const nodeMetrics = `${nodeUrl}/metrics`;
    expect(await logged(hub, { msg: 'hub listening' })).toMatchObject({
      url: hubUrl,
      version: expect.any(String),
      metrics: hubMetrics,
    });
    expect(await logged(node, { msg: `node listening at ${nodeUrl}` })).toMatchObject({
      url: nodeUrl,
      version: expect.any(String),
      metrics: nodeMetrics,
    });
    for (const server of [hub, node]) {
      expect(await logged(server, { msg: 'database migrated' })).toMatchObject({
        migrations: expect.arrayContaining([expect.any(String)]),
      });
    }

    // The node is not a member yet: the hub refuses its ping and both sides log why.
    const editor = (
      await run(
        process.execPath,
        [nodeBin, '--config', nodeConfig, 'token', 'create', '--name', 'e2e'],
        {
          cwd: dir,
        },
      )
    ).stdout.trim();
    const write = (name: string) =>
      fetch(`${nodeUrl}/api/organisations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${editor}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name,
          description: 'A fictional voluntary-sector crisis sanctuary.',
          type: 'vcfse',
        }),
      });
    expect((await write('Fenland Crisis Sanctuary')).status).toBe(201);
    // The organisation is the node's second record: its ping carries seq 2.
    expect(await logged(node, { msg: 'hub refused ping', seq: 2 })).toMatchObject({
      code: 'ISSUER_UNKNOWN',
      status: 400,
      hubUrl,
    });
    expect(await logged(hub, { msg: 'ping refused' })).toMatchObject({ code: 'ISSUER_UNKNOWN' });
    // Its first start pinged too (the partner profile is its first record): each refused alike.
    const refusedSeries = 'promise_node_pings_refused_total{code="ISSUER_UNKNOWN"}';
    let nodeText = await scrape(nodeMetrics);
    const refused = sample(nodeText, refusedSeries);
    const sent = sample(nodeText, 'promise_node_pings_sent_total');
    expect(sent).toBe(refused);
    expect(sample(nodeText, 'promise_node_feed_records{type="organisation"}')).toBe(1);
    let hubText = await scrape(hubMetrics);
    expect(
      sample(hubText, 'promise_hub_pings_total{outcome="refused",code="ISSUER_UNKNOWN"}'),
    ).toBe(refused);
    expect((await fetch(`${hubUrl}/metrics`)).status).toBe(404);

    // Enrolled, the node's next ping is taken and its records harvested.
    await run(process.execPath, [hubBin, '--config', hubConfig, 'nodes', 'enrol', nodeUrl], {
      cwd: dir,
    });
    const shown = await run(process.execPath, [nodeBin, '--config', nodeConfig, 'key', 'show']);
    const fingerprint = /Key fingerprint: (\S+)/.exec(shown.stdout)?.[1] ?? '';
    await run(
      process.execPath,
      [hubBin, '--config', hubConfig, 'nodes', 'approve', 'fenland', '--fingerprint', fingerprint],
      { cwd: dir },
    );
    const harvested = 'promise_hub_records_harvested_total{source="node"}';
    await metricReaches(hubMetrics, harvested, 2);
    expect((await write('Fenland Peer Network')).status).toBe(201);
    hubText = await metricReaches(hubMetrics, harvested, 3);
    expect(sample(hubText, 'promise_hub_pings_total{outcome="accepted",code=""}')).toBe(1);
    expect(sample(hubText, 'promise_hub_node_lag{partner="fenland"}')).toBe(0);
    expect(
      sample(hubText, 'promise_hub_syncs_total{source="node",outcome="synced",code=""}'),
    ).toBeGreaterThanOrEqual(2);
    nodeText = await scrape(nodeMetrics);
    expect(sample(nodeText, 'promise_node_pings_sent_total')).toBe(sent + 1);
    expect(sample(nodeText, refusedSeries)).toBe(refused);
    expect(sample(nodeText, 'promise_node_feed_requests_total{status="200"}')).toBeGreaterThan(0);

    await new HubClient({ baseUrl: hubUrl }).searchServices({});
    hubText = await scrape(hubMetrics);
    expect(
      sample(hubText, 'promise_hub_search_duration_seconds_count{index="services",api="trpc"}'),
    ).toBe(1);

    expect(await stop(node.child)).toBe(0);
    expect(await stop(hub.child)).toBe(0);
    for (const [server, name] of [
      [hub, 'hub'],
      [node, 'node'],
    ] as const) {
      const lines = logLines(server);
      for (const line of lines) {
        expect(line.time, JSON.stringify(line)).toMatch(ISO_TIME);
        expect(Number.isNaN(Date.parse(String(line.time)))).toBe(false);
        expect(typeof line.msg).toBe('string');
      }
      const messages = lines.map((line) => line.msg);
      expect(messages).toEqual(
        expect.arrayContaining(['shutting down', `${name} stopping`, `${name} stopped`]),
      );
      expect(lines.find((line) => line.msg === 'shutting down')).toMatchObject({
        signal: 'SIGTERM',
      });
      expect(messages.at(-1)).toBe(`${name} stopped`);
    }
  });
});
