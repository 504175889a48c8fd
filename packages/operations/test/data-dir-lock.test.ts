import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataDirHolder, lockDataDir } from '../src/index.js';

let parent: string;
let dataDir: string;
const hub = { program: 'promise-hub' };

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'promise-operations-lock-'));
  dataDir = join(parent, 'data');
});
afterEach(() => rm(parent, { recursive: true, force: true }));

describe('the data directory lock', () => {
  it('creates a missing data directory owner-only and names the holder in an owner-only lock file', async () => {
    const lock = await lockDataDir(dataDir, { ...hub, purpose: 'start the hub' });
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    const file = join(dataDir, 'promise-hub.lock');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await dataDirHolder(dataDir, 'promise-hub')).toMatchObject({
      pid: process.pid,
      host: hostname(),
    });
    await lock.release();
    expect(await dataDirHolder(dataDir, 'promise-hub')).toBeNull();
  });

  it('refuses a second holder while the first runs, naming it, and frees the directory on release', async () => {
    const held = await lockDataDir(dataDir, { ...hub, purpose: 'start the hub' });
    await expect(lockDataDir(dataDir, { ...hub, purpose: 'restore' })).rejects.toMatchObject({
      code: 'DATA_DIR_LOCKED',
      message: expect.stringContaining(
        `Cannot restore: ${dataDir} is in use by promise-hub (process ${process.pid}`,
      ),
    });
    await held.release();
    const again = await lockDataDir(dataDir, { ...hub, purpose: 'restore' });
    await again.release();
  });

  it('keeps programs apart: a node and a hub may share a folder', async () => {
    const node = await lockDataDir(dataDir, { program: 'promise-node', purpose: 'start the node' });
    const other = await lockDataDir(dataDir, { ...hub, purpose: 'start the hub' });
    await Promise.all([node.release(), other.release()]);
  });

  it('takes over a lock left by a process that no longer runs, and never reports it as a holder', async () => {
    // Linux pids stay below 2^22, so this one cannot be running.
    const gone = { pid: 2 ** 22 + 7, host: hostname(), startedAt: '2026-01-05T09:00:00.000Z' };
    await lockDataDir(dataDir, { ...hub, purpose: 'make the folder' }).then((l) => l.release());
    await writeFile(join(dataDir, 'promise-hub.lock'), JSON.stringify(gone));
    expect(await dataDirHolder(dataDir, 'promise-hub')).toBeNull();
    const lock = await lockDataDir(dataDir, { ...hub, purpose: 'start the hub' });
    const holder = JSON.parse(await readFile(join(dataDir, 'promise-hub.lock'), 'utf8'));
    expect(holder.pid).toBe(process.pid);
    await lock.release();
  });

  it('treats a lock from another host as held (it cannot be checked from here)', async () => {
    await lockDataDir(dataDir, { ...hub, purpose: 'make the folder' }).then((l) => l.release());
    const remote = { pid: 1, host: `${hostname()}-other`, startedAt: '2026-01-05T09:00:00.000Z' };
    await writeFile(join(dataDir, 'promise-hub.lock'), JSON.stringify(remote));
    await expect(lockDataDir(dataDir, { ...hub, purpose: 'restore' })).rejects.toMatchObject({
      code: 'DATA_DIR_LOCKED',
      message: expect.stringContaining(`on ${hostname()}-other`),
    });
  });
});
