import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateSigningKey, keyFingerprint } from '@promise-global/sdk/keys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../e2e/support/free-port.js';
import { innovationData } from './support/fixtures.js';
import { startTestNode, type TestNode } from './support/test-node.js';

// The operator's CLI as shipped: the built bin, run as a separate process like an operator would.
const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/promise-hub.js', import.meta.url));
const env = { ...process.env, HUB_ALLOW_PRIVATE_HOSTS: '127.0.0.1', HUB_LOG_LEVEL: 'info' };

let dir: string;
let config: string;
let hub: ChildProcess | undefined;
let node: TestNode;

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, '--config', config, ...args], {
      cwd: dir,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const json = async (...args: string[]) => {
  const result = await cli(...args, '--json');
  expect(result, result.stderr).toMatchObject({ code: 0 });
  return JSON.parse(result.stdout);
};

/** Starts `promise-hub start` and resolves once its JSON log says it listens. */
function startHub(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, '--config', config, 'start'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"hub listening"')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`start exited with ${code}: ${output}`)));
  });
}

/** Waits, through the running hub's own status API, until it has harvested the node to `seq`. */
async function harvestedTo(seq: number): Promise<unknown> {
  const { port } = JSON.parse(await readFile(config, 'utf8')) as { port: number };
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/trpc/nodes.status`);
    const body = (await response.json()) as { result: { data: { cursorSeq: number }[] } };
    const [status] = body.result.data;
    if (status?.cursorSeq === seq) return status;
    await delay(50);
  }
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-hub-cli-'));
  config = join(dir, 'hub', 'promise-hub.json');
  node = await startTestNode({ partnerId: 'fenland' });
  await node.publish('innovation', innovationData('fenland', 1));
});

afterAll(async () => {
  await stop(hub);
  await node.close();
  await rm(dir, { recursive: true, force: true });
});

describe('promise-hub, the operator CLI', () => {
  it('init creates an owner-only hub folder, prints the operator token once, and refuses to run twice', async () => {
    const port = await freePort();
    const init = await run(process.execPath, [bin, 'init', 'hub', '--port', String(port)], {
      cwd: dir,
      env,
    });
    const token = /Operator token \(shown once, keep it safe\): (phub_\S+)/.exec(init.stdout)?.[1];
    expect(token).toBeDefined();
    expect((await stat(join(dir, 'hub'))).mode & 0o777).toBe(0o700);
    for (const file of ['promise-hub.json', 'hub.db', 'hub-signing-key.json']) {
      expect((await stat(join(dir, 'hub', file))).mode & 0o777).toBe(0o600);
    }
    expect(await readFile(config, 'utf8')).not.toContain(token ?? 'no token');
    const again = await cli('init', 'hub');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists; use --force');

    expect(await json('token', 'list')).toEqual([
      expect.objectContaining({ id: 1, role: 'operator', name: 'first operator', revokedAt: null }),
    ]);
  });

  it('answers bad input with one line and exit 2, changing nothing', async () => {
    const role = await cli('token', 'create', '--name', 'x', '--role', 'viewer');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("argument 'viewer' is invalid");
    expect(role.stderr).not.toContain('"code"');
    const unknown = await cli('nodes', 'frobnicate');
    expect(unknown.code).toBe(2);
    const url = await cli('nodes', 'enrol', 'not a url');
    expect(url).toMatchObject({ code: 2, stderr: 'not a url is not a URL (NODE_URL_INVALID)\n' });
    const missing = await cli('nodes', 'suspend', 'nobody');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('NODE_NOT_FOUND');
    const noConfig = await run(process.execPath, [bin, 'nodes', 'list'], { cwd: dir, env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(noConfig).toMatchObject({ code: 2 });
    expect((noConfig as { stderr: string }).stderr).toContain('run `promise-hub init` first');
    expect(await json('token', 'list')).toHaveLength(1);
  });

  it('enrols a node in two steps: pending with its fingerprint, pinned only with the right one', async () => {
    hub = await startHub();
    const fingerprint = keyFingerprint(node.key.kid);
    const pending = await json('nodes', 'enrol', node.url);
    expect(pending).toMatchObject({
      kind: 'enrol',
      partnerId: 'fenland',
      nodeUrl: node.url,
      fingerprint,
      keys: [{ kid: node.key.kid, fingerprint, status: 'active', signer: true }],
    });
    expect(await json('nodes', 'list')).toEqual([]);
    const human = await cli('nodes', 'pending');
    expect(human.stdout).toContain(`fingerprint to confirm: ${fingerprint}`);
    expect(human.stdout).toContain(`promise-hub nodes approve fenland --fingerprint <fingerprint>`);

    const other = keyFingerprint((await generateSigningKey()).kid);
    const refused = await cli('nodes', 'approve', 'fenland', '--fingerprint', other);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('(FINGERPRINT_MISMATCH)');
    expect(await json('nodes', 'list')).toEqual([]);

    // As a person types it from the partner's screen: lower case, spaces for hyphens.
    const typed = fingerprint.toLowerCase().replaceAll('-', ' ');
    const enrolled = await json('nodes', 'approve', 'fenland', '--fingerprint', typed);
    expect(enrolled).toMatchObject({ partnerId: 'fenland', state: 'active' });
    expect(await json('nodes', 'pending')).toEqual([]);
    // The running hub was signalled: wait for its harvest, not for time.
    const head = node.log.length;
    await harvestedTo(head);
    expect(await json('nodes', 'list')).toEqual([
      expect.objectContaining({
        partnerId: 'fenland',
        health: 'healthy',
        cursorSeq: head,
        headSeq: head,
      }),
    ]);
    const listed = await cli('nodes', 'list');
    expect(listed.stdout).toMatch(/^PARTNER\s+STATE\s+HEALTH\s+POSITION/);
    expect(listed.stdout).toMatch(new RegExp(`fenland\\s+active\\s+healthy\\s+${head}/${head}`));
  });

  it('refuses a second start and a restore while the hub runs, naming the process', async () => {
    const second = await cli('start');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`in use by promise-hub (process ${hub?.pid}`);
    const backup = join(dir, 'hub-backup.db');
    expect(await json('backup', backup)).toEqual({ backup });
    expect((await stat(backup)).mode & 0o777).toBe(0o600);
    const restore = await cli('restore', backup);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('Cannot restore');
  });

  it('suspends, reinstates and syncs a node; creates and revokes tokens', async () => {
    expect(await json('nodes', 'suspend', 'fenland')).toMatchObject({ state: 'suspended' });
    await node.publish('innovation', innovationData('fenland', 2));
    expect(await json('nodes', 'reinstate', 'fenland')).toMatchObject({ state: 'active' });
    await json('nodes', 'sync', 'fenland');
    const head = node.log.length;
    expect(await harvestedTo(head)).toMatchObject({ cursorSeq: head, headSeq: head });

    const editor = await json('token', 'create', '--name', 'Bulletin editor', '--role', 'editor');
    expect(editor).toMatchObject({ role: 'editor', token: expect.stringMatching(/^phub_/) });
    expect(await json('token', 'revoke', String(editor.id))).toEqual({
      id: editor.id,
      revoked: true,
    });
    const twice = await cli('token', 'revoke', String(editor.id));
    expect(twice.code).toBe(1);
  });

  it('restores a backup once the hub is stopped, and the hub starts on it', async () => {
    await stop(hub);
    hub = undefined;
    const restored = await json('restore', join(dir, 'hub-backup.db'));
    expect(restored).toMatchObject({ nodes: 1 });
    const head = node.log.length;
    expect(await json('nodes', 'list')).toEqual([
      expect.objectContaining({ partnerId: 'fenland', cursorSeq: head - 1 }),
    ]);
    // Stopped, `sync` harvests in this process and waits for it.
    const synced = await cli('nodes', 'sync', 'fenland');
    expect(synced.stdout).toContain(`synced: 1 records stored, at ${head} of ${head}`);
  });
});
