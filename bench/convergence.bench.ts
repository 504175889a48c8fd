import { type ChildProcess, fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHub, type Hub } from '../apps/hub/src/index.js';
import { enrolAndApprove } from '../apps/hub/test/support/enrol.js';
import { createNode, importJson, type PromiseNode } from '../apps/node/src/index.js';
import { getInnovation } from '../apps/node/src/resources/innovations.js';
import { getService } from '../apps/node/src/resources/services.js';
import { write } from '../apps/node/src/write.js';
import { PublicJwkSet } from '../packages/schema/src/index.js';
import { HubClient } from '../packages/sdk/src/client/hub-client.js';
import {
  type FeedState,
  initialFeedState,
  pinKeys,
  verifyFeedPage,
} from '../packages/sdk/src/verify/index.js';

// Convergence at scale: 200 real partner nodes (apps/node, `:memory:` libSQL, loopback HTTP) with
// 500 feed records each, enrolled with one real hub. The nodes live in two node-host child
// processes (so building them uses both cores); the hub runs in its own child process so the RSS
// sampled there is the hub's alone; the baseline (fetch + SDK chain verify of the same pages,
// nothing stored) runs in another child, so none inflates another. The parent only orchestrates.

const NODES = Number(process.env.CONVERGENCE_NODES ?? 200);
const PER_NODE = 500; // the partner profile record + 499 imported records
const PAGE = 500;
const CONCURRENCY = 4;
const TOKEN = 'bench-operator-token-0123456789abcdef';
const SELF = fileURLToPath(import.meta.url);

const NODE_HOSTS = 2;

type Command =
  | { cmd: 'nodes'; from: number; to: number }
  | { cmd: 'heads' }
  | { cmd: 'hub'; database: string }
  | { cmd: 'stats' }
  | { cmd: 'baseline'; urls: string[]; partnerIds: string[] }
  | { cmd: 'close' };
type Request = Command & { id: number };

interface Stats {
  rss: number;
  peakRss: number;
  entries: number;
  cursors: {
    partnerId: string;
    cursorSeq: number;
    headSeq: number;
    lastErrorCode: string | null;
  }[];
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

// ---------------------------------------------------------------------------------------------
// Child side: the hub (or the baseline reader), sampling its own RSS.

async function childMain(): Promise<void> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  let hub: Hub | undefined;
  const hosted: PromiseNode[] = [];
  const reply = (id: number, value: unknown) => process.send?.({ id, value });
  process.on('message', async (request: Request) => {
    if (request.cmd === 'nodes') {
      const started = performance.now();
      for (let n = request.from; n < request.to; n++) hosted.push(await startNode(n));
      reply(request.id, {
        ms: performance.now() - started,
        urls: hosted.map((node) => node.url),
        partnerIds: hosted.map((node) => node.context.config.partnerId),
        rss: process.memoryUsage().rss,
      });
    } else if (request.cmd === 'heads') {
      const heads: Record<string, number> = {};
      for (const node of hosted)
        heads[node.context.config.partnerId] = (await node.context.feed.currentHead()).seq;
      reply(request.id, heads);
    } else if (request.cmd === 'hub') {
      hub = await createHub({
        database: { url: request.database },
        allowPrivateHosts: ['127.0.0.1'],
        logLevel: 'silent',
        bootstrapOperatorToken: TOKEN,
        harvest: { schedule: false, pageLimit: PAGE, concurrency: CONCURRENCY },
      });
      await hub.start();
      reply(request.id, hub.url);
    } else if (request.cmd === 'stats') {
      const rss = process.memoryUsage().rss;
      peakRss = Math.max(peakRss, rss);
      const db = hub?.db.$client;
      const entries = db ? await db.execute('SELECT count(*) AS n FROM entries') : undefined;
      const cursors = db
        ? await db.execute(
            'SELECT partner_id, cursor_seq, head_seq, last_error_code FROM nodes ORDER BY id',
          )
        : undefined;
      const stats: Stats = {
        rss,
        peakRss,
        entries: Number(entries?.rows[0]?.n ?? 0),
        cursors: (cursors?.rows ?? []).map((row) => ({
          partnerId: String(row.partner_id),
          cursorSeq: Number(row.cursor_seq),
          headSeq: Number(row.head_seq),
          lastErrorCode: row.last_error_code === null ? null : String(row.last_error_code),
        })),
      };
      reply(request.id, stats);
    } else if (request.cmd === 'baseline') {
      const started = performance.now();
      const records = await baselineRead(request.urls, request.partnerIds);
      reply(request.id, { ms: performance.now() - started, records, peakRss });
    } else {
      clearInterval(sampler);
      await hub?.close();
      for (const node of hosted) await node.close();
      reply(request.id, null);
      process.disconnect();
    }
  });
}

/** Fetches and chain-verifies every page of every feed (SDK verifier), storing nothing. */
async function baselineRead(urls: string[], partnerIds: string[]): Promise<number> {
  let next = 0;
  let total = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < urls.length) {
        const index = next++;
        const url = urls[index] ?? '';
        const jwks = PublicJwkSet.parse(await (await fetch(`${url}/.well-known/jwks.json`)).json());
        let state: FeedState = initialFeedState({
          iss: url,
          partnerId: partnerIds[index] ?? '',
          keys: await pinKeys(jwks),
        });
        for (;;) {
          const page = await (await fetch(`${url}/feed?after=${state.seq}&limit=${PAGE}`)).json();
          const verified = await verifyFeedPage(state, page, { quarantineUnknownMajor: true });
          state = verified.state;
          total += verified.records.length;
          if (verified.records.length === 0 || state.seq >= verified.head.seq) break;
        }
      }
    }),
  );
  return total;
}

// ---------------------------------------------------------------------------------------------
// Parent side: the nodes, the clock and the report.

function startChild(): { child: ChildProcess; call<T>(request: Command): Promise<T> } {
  const child = fork(SELF, [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
    env: { ...process.env, CONVERGENCE_CHILD: '1' },
  });
  let nextId = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  child.on('message', (message: { id: number; value: unknown }) => {
    waiting.get(message.id)?.(message.value);
    waiting.delete(message.id);
  });
  return {
    child,
    call<T>(request: Command): Promise<T> {
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, (value) => resolve(value as T));
        child.once('exit', (code) => reject(new Error(`bench child exited (${code})`)));
        child.send({ ...request, id });
      });
    },
  };
}

const ORGANISATION = '00000000-0000-4000-8000-000000000001';
const SERVICE = '00000000-0000-4000-8000-000000000002';
const INNOVATION = '00000000-0000-4000-8000-000000000003';

/**
 * A real node with 500 feed records: its partner profile, then an organisation, a service and a
 * submitted write-up through the node's import path, then 496 more services and write-ups (new
 * ids and names) appended through the node's own write path, each signed at write like any edit.
 */
async function startNode(n: number): Promise<PromiseNode> {
  const partnerId = `conv-${n}`;
  const node = await createNode({
    partnerId,
    databaseUrl: ':memory:',
    port: 0,
    logLevel: 'silent',
    partner: {
      name: `Partner ${n}`,
      country: 'GB',
      website: 'https://example.org/',
      contactEmail: `network@${partnerId}.example.org`,
      description: 'A fictional partner in the convergence benchmark.',
    },
  });
  await node.start();
  await importJson(node.context, {
    organisations: [{ id: ORGANISATION, name: `${partnerId} Community Trust`, type: 'vcfse' }],
    services: [
      {
        id: SERVICE,
        organisationId: ORGANISATION,
        name: `${partnerId} listening service`,
        description: 'A fictional crisis line: call, text or drop in.',
        urgency: 'urgent',
        categories: ['crisis', 'peer_support'],
        available24x7: true,
        phones: [{ number: '01632 960001' }],
        serviceAreas: [{ name: 'Fenland' }],
        referralRoutes: [{ route: 'self' }],
      },
    ],
    innovations: [
      {
        id: INNOVATION,
        title: `${partnerId}: evening sanctuary`,
        summary: 'A fictional change that helped people in crisis find a calm place to talk.',
        body: 'People in crisis found a calm place to talk. Volunteers with lived experience listened.',
        kind: 'innovation',
        themes: ['crisis_care'],
        setting: 'Community crisis team',
        evidenceLevel: 'pilot',
        contact: { role: 'Team manager', email: 'team@example.org' },
        status: 'submitted',
        confirmPersonalData: true,
      },
    ],
  });
  const ctx = node.context;
  const service = await ctx.database.read((db) => getService(db, SERVICE));
  const innovation = await ctx.database.read((db) => getInnovation(db, INNOVATION));
  await write(ctx, async (w) => {
    for (let i = 4; i < PER_NODE; i++) {
      const id = crypto.randomUUID();
      await w.publish(
        i % 2 === 0
          ? {
              type: 'service',
              id,
              rev: 1,
              updatedAt: w.now,
              data: { ...service.data, id, name: `${partnerId} service ${i}` },
            }
          : {
              type: 'innovation',
              id,
              rev: 1,
              updatedAt: w.now,
              data: { ...innovation.data, id, title: `${partnerId} write-up ${i}` },
            },
      );
    }
  });
  const head = await ctx.feed.currentHead();
  if (head.seq !== PER_NODE) throw new Error(`${partnerId}: head ${head.seq}`);
  return node;
}

interface Hosted {
  ms: number;
  urls: string[];
  partnerIds: string[];
  rss: number;
}

async function parentMain(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `machine: ${cpus().length} × ${cpu}, ${mib(totalmem())}, Node ${process.version}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'convergence-bench-'));
  let t = performance.now();
  const hosts = Array.from({ length: NODE_HOSTS }, () => startChild());
  const share = Math.ceil(NODES / NODE_HOSTS);
  const hosted = await Promise.all(
    hosts.map((host, h) =>
      host.call<Hosted>({ cmd: 'nodes', from: h * share, to: Math.min(NODES, (h + 1) * share) }),
    ),
  );
  const setupMs = performance.now() - t;
  const urls = hosted.flatMap((host) => host.urls);
  const partnerIds = hosted.flatMap((host) => host.partnerIds);
  const total = NODES * PER_NODE;
  console.log(
    `setup: ${NODES} real nodes × ${PER_NODE} signed records in ${NODE_HOSTS} node-host processes: ${(setupMs / 1000).toFixed(1)} s (${(total / (setupMs / 1000)).toFixed(0)} records/s); node-host RSS ${hosted.map((host) => mib(host.rss)).join(', ')}`,
  );
  try {
    const baseline = startChild();
    const base = await baseline.call<{ ms: number; records: number; peakRss: number }>({
      cmd: 'baseline',
      urls,
      partnerIds,
    });
    await baseline.call({ cmd: 'close' });
    if (base.records !== total) throw new Error(`baseline read ${base.records} of ${total}`);

    const hubChild = startChild();
    const hubUrl = await hubChild.call<string>({
      cmd: 'hub',
      database: `file:${join(dir, 'hub.db')}`,
    });
    const idle = await hubChild.call<Stats>({ cmd: 'stats' });
    const operator = new HubClient({ baseUrl: hubUrl, token: TOKEN });
    const marks = new Map<number, Stats>();
    const checkpoints = [50, 100, 150, 200].filter((mark) => mark <= NODES);
    t = performance.now();
    for (const url of urls) await enrolAndApprove(operator, url);
    const enrolledMs = performance.now() - t;
    let stats: Stats;
    for (;;) {
      stats = await hubChild.call<Stats>({ cmd: 'stats' });
      const complete = stats.cursors.filter(
        (node) => node.cursorSeq === PER_NODE && node.headSeq === PER_NODE,
      ).length;
      for (const mark of checkpoints)
        if (complete >= mark && !marks.has(mark)) marks.set(mark, stats);
      if (complete === NODES && stats.entries === total) break;
      if (performance.now() - t > 600_000) throw new Error(`not converged: ${complete} nodes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const convergedMs = performance.now() - t;
    // Verified: every node's cursor equals its own head, checked against the node itself.
    const heads = Object.assign(
      {},
      ...(await Promise.all(
        hosts.map((host) => host.call<Record<string, number>>({ cmd: 'heads' })),
      )),
    ) as Record<string, number>;
    for (const partnerId of partnerIds) {
      const cursor = stats.cursors.find((c) => c.partnerId === partnerId);
      if (!cursor || cursor.cursorSeq !== heads[partnerId] || cursor.lastErrorCode !== null)
        throw new Error(`${partnerId}: cursor ${cursor?.cursorSeq} vs head ${heads[partnerId]}`);
    }
    const final = await hubChild.call<Stats>({ cmd: 'stats' });
    await hubChild.call({ cmd: 'close' });

    console.log(
      `baseline (child process: fetch + SDK chain verify of the same ${total} records, nothing stored, ${CONCURRENCY} at once): ${(base.ms / 1000).toFixed(1)} s (${(total / (base.ms / 1000)).toFixed(0)} records/s), peak RSS ${mib(base.peakRss)}`,
    );
    console.log(
      `hub (child process): ${NODES} enrolments in ${(enrolledMs / 1000).toFixed(1)} s; complete, verified index (every cursor = its node's head, ${final.entries} entries) ${(convergedMs / 1000).toFixed(1)} s after the first enrolment (target < 120 s) = ${(total / (convergedMs / 1000)).toFixed(0)} records/s`,
    );
    console.log(`ratio hub/baseline time: ${(convergedMs / base.ms).toFixed(2)}×`);
    console.log(
      `hub RSS: idle ${mib(idle.rss)}; ${checkpoints.map((mark) => `${mark} nodes complete ${mib(marks.get(mark)?.rss ?? 0)}`).join(', ')}; peak ${mib(final.peakRss)}`,
    );
    const first = marks.get(checkpoints[0] ?? NODES);
    const last = marks.get(checkpoints.at(-1) ?? NODES);
    if (first && last && checkpoints.length > 1) {
      const perNode =
        (last.rss - first.rss) / ((checkpoints.at(-1) ?? NODES) - (checkpoints[0] ?? 0));
      console.log(
        `hub RSS growth between ${checkpoints[0]} and ${checkpoints.at(-1)} complete nodes: ${(perNode / 1024).toFixed(0)} KiB per node (the index itself is on disk: hub.db)`,
      );
    }
  } finally {
    await Promise.all(hosts.map((host) => host.call({ cmd: 'close' })));
    await rm(dir, { recursive: true, force: true });
  }
}

/** `pnpm bench convergence`: time to a complete, verified index across 200 nodes; hub RSS. */
export default async function (): Promise<void> {
  await parentMain();
}

if (process.env.CONVERGENCE_CHILD === '1' && process.argv[1] === SELF) await childMain();
