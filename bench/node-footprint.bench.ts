import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from '../e2e/support/free-port.js';
import { installWithNpm, packRelease } from '../e2e/support/packed-release.js';

// What a partner's server carries: a node installed from the release tarballs with npm and run as
// plain JavaScript, beside the same node run from a checkout through tsx, in the same run.
const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const NODE_TARBALL = /^promise-global-node-/;
const STARTS = 3;
const IDLE_MS = 10_000;
const FEED_REQUESTS = 1_000;
const CONCURRENCY = 8;

interface Variant {
  name: string;
  /** Spawns the node listening on `port`, its data in `dir` (made by `prepare`). */
  spawn(port: number, dir: string): ChildProcess;
  prepare(port: number, dir: string): Promise<void>;
}

async function kibibytesOnDisk(path: string, ...exclude: string[]): Promise<number> {
  const args = ['-sk', ...exclude.map((name) => `--exclude=${name}`), path];
  const { stdout } = await run('du', args);
  return Number(stdout.split('\t')[0]);
}

async function rssMiB(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

async function untilReady(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the node exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return;
    await delay(5);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function feedLoad(url: string): Promise<void> {
  let sent = 0;
  const worker = async () => {
    while (sent++ < FEED_REQUESTS) {
      const response = await fetch(`${url}/feed?after=0&limit=100`);
      if (response.status !== 200) throw new Error(`/feed answered ${response.status}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

interface Footprint {
  coldStartMs: number;
  idleMiB: number;
  afterFeedMiB: number;
}

/** Median cold start over `STARTS` spawns; RSS idle and after feed load from the last one. */
async function measure(variant: Variant, work: string): Promise<Footprint> {
  const dir = join(work, variant.name);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  await variant.prepare(port, dir);
  const starts: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const child = variant.spawn(port, dir);
    try {
      await untilReady(url, child);
      starts.push(performance.now() - started);
      if (i < STARTS - 1) continue;
      await delay(IDLE_MS);
      const idleMiB = await rssMiB(child.pid);
      await feedLoad(url);
      const afterFeedMiB = await rssMiB(child.pid);
      const coldStartMs = starts.sort((a, b) => a - b)[Math.floor(STARTS / 2)] ?? Number.NaN;
      return { coldStartMs, idleMiB, afterFeedMiB };
    } finally {
      await stop(child);
    }
  }
  throw new Error('unreachable');
}

function released(app: string): Variant {
  const bin = join(app, 'node_modules', '@promise-global', 'node', 'bin', 'promise-node.js');
  const config = (dir: string) => join(dir, 'promise-node.json');
  return {
    name: 'release',
    async prepare(port, dir) {
      await run(
        process.execPath,
        [bin, '--config', config(dir), 'init', dir].concat([
          '--partner-id',
          'bench',
          '--port',
          String(port),
        ]),
      );
    },
    spawn: (_port, dir) =>
      spawn(process.execPath, [bin, '--config', config(dir), 'start'], { stdio: 'ignore' }),
  };
}

function fromCheckout(): Variant {
  const main = join(root, 'apps', 'node', 'src', 'main.ts');
  const env = (port: number, dir: string) => ({
    ...process.env,
    PROMISE_NODE_PARTNER_ID: 'bench',
    PROMISE_NODE_DATA_DIR: dir,
    PROMISE_NODE_PORT: String(port),
  });
  const start = (port: number, dir: string) =>
    spawn(process.execPath, ['--conditions=source', '--import', 'tsx', main], {
      cwd: root,
      env: env(port, dir),
      stdio: 'ignore',
    });
  return {
    name: 'checkout-tsx',
    // A first start creates the database and key, as `init` does for the release.
    async prepare(port, dir) {
      const child = start(port, dir);
      await untilReady(`http://127.0.0.1:${port}`, child);
      await stop(child);
    },
    spawn: start,
  };
}

// What any node costs before its own code: Node's HTTP server answering `/readyz` after one
// libSQL query, from the same install (its @libsql/client), so the idle figures have a floor.
const FLOOR_SCRIPT = `
import { createServer } from 'node:http';
import { createClient } from '@libsql/client';
const [port, file] = process.argv.slice(2);
const db = createClient({ url: 'file:' + file });
await db.execute('select count(*) from sqlite_master');
createServer((req, res) => res.end('ok')).listen(Number(port), '127.0.0.1');
`;

function runtimeFloor(app: string): Variant {
  const script = join(app, 'runtime-floor.mjs');
  return {
    name: 'floor',
    prepare: (_port, dir) => mkdir(dir).then(() => writeFile(script, FLOOR_SCRIPT)),
    spawn: (port, dir) =>
      spawn(process.execPath, [script, String(port), join(dir, 'floor.db')], { stdio: 'ignore' }),
  };
}

const ratio = (now: number, before: number) => `${(now / before).toFixed(2)}×`;

export default async function (): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'promise-node-footprint-'));
  try {
    const tarballs = (await packRelease(await mkdtemp(join(work, 'tarballs-')))).filter((file) =>
      NODE_TARBALL.test(file.split('/').pop() ?? ''),
    );
    const app = join(work, 'app');
    await installWithNpm(app, tarballs);
    const installMB = (await kibibytesOnDisk(app)) / 1024;
    const checkoutMB = (await kibibytesOnDisk(root, '.git', 'data')) / 1024;
    const release = await measure(released(app), work);
    const checkout = await measure(fromCheckout(), work);
    const floor = await measure(runtimeFloor(app), work);
    console.log(`node-only install from the tarballs with npm (${tarballs.length} tarball)`);
    console.log(
      `size on disk:       release ${installMB.toFixed(1)} MB, checkout ${checkoutMB.toFixed(0)} MB (${ratio(installMB, checkoutMB)}); goal <= 60 MB`,
    );
    console.log(
      `cold start→readyz:  release ${release.coldStartMs.toFixed(0)} ms, tsx ${checkout.coldStartMs.toFixed(0)} ms (${ratio(release.coldStartMs, checkout.coldStartMs)}), median of ${STARTS}; goal <= 1000 ms`,
    );
    console.log(
      `idle RSS after 10 s: release ${release.idleMiB.toFixed(1)} MiB, tsx ${checkout.idleMiB.toFixed(1)} MiB (${ratio(release.idleMiB, checkout.idleMiB)}); goal <= 80 MiB`,
    );
    console.log(
      `runtime floor:      Node's HTTP server + one libSQL query ${floor.idleMiB.toFixed(1)} MiB idle, started in ${floor.coldStartMs.toFixed(0)} ms; release / floor ${ratio(release.idleMiB, floor.idleMiB)}`,
    );
    console.log(
      `RSS after ${FEED_REQUESTS} feed requests: release ${release.afterFeedMiB.toFixed(1)} MiB, tsx ${checkout.afterFeedMiB.toFixed(1)} MiB (${ratio(release.afterFeedMiB, checkout.afterFeedMiB)})`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
