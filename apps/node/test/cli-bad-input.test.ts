import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { lockDataDir } from '@promise-global/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, nodeCli } from './cli-process.js';

// What an operator's mistakes and a damaged disk look like from the built CLI: one clear line,
// a non-zero exit, and the files left exactly as they were.
const run = promisify(execFile);

let dir: string;
let config: string;
let occupied: Server;
let port: number;

const cli = (...args: string[]) => nodeCli(dir, config).cli(...args);

/** Replaces `file` with `damaged` for one command, checks the command left it so, restores it. */
async function withDamaged(file: string, damaged: string, check: () => Promise<void>) {
  const original = await readFile(file);
  await writeFile(file, damaged);
  try {
    await check();
    expect(await readFile(file, 'utf8')).toBe(damaged);
  } finally {
    await writeFile(file, original);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-node-bad-input-'));
  config = join(dir, 'promise-node.json');
  occupied = createServer();
  await new Promise<void>((resolve) => occupied.listen(0, '127.0.0.1', resolve));
  port = (occupied.address() as { port: number }).port;
  await run(
    process.execPath,
    [bin, '--config', config, 'init', dir, '--partner-id', 'fenland']
      .concat(['--port', String(port), '--name', 'Fenland', '--country', 'GB'])
      .concat(['--website', 'https://fenland.example.org', '--contact-email', 'p@example.org'])
      .concat(['--description', 'A fictional partner.']),
  );
});

afterAll(async () => {
  occupied.close();
  await rm(dir, { recursive: true, force: true });
});

describe('promise-node on bad input and damaged files', () => {
  it('names a port that is in use and exits non-zero', async () => {
    const result = await cli('start');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      `127.0.0.1:${port} is in use: stop what listens there or choose another port`,
    );
  });

  it('refuses a damaged key file without replacing it (a new key would be a new identity)', async () => {
    await withDamaged(join(dir, 'signing-key.json'), '{"kty":"OKP"', async () => {
      const result = await cli('token', 'list');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('signing-key.json does not hold a signing key');
      expect(result.stderr).toContain('Restore it from a backup');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    });
  });

  it('refuses a file that is not a database, naming it', async () => {
    await withDamaged(join(dir, 'node.db'), 'not a database at all, '.repeat(300), async () => {
      const result = await cli('token', 'list');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/node\.db is not a readable database \(SQLITE_NOTADB/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    });
  });

  it('refuses a missing config file and an unknown flag', async () => {
    const missing = await run(process.execPath, [
      bin,
      '--config',
      join(dir, 'nope.json'),
      'start',
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(missing).toMatchObject({ code: 1 });
    expect((missing as { stderr: string }).stderr).toContain('nope.json');
    const flag = await cli('start', '--colour');
    expect(flag.code).toBe(2);
    expect(flag.stderr.split('\n')[0]).toBe("error: unknown option '--colour'");
  });

  it('refuses to restore into a data directory another process holds, naming it', async () => {
    const backup = join(dir, 'backup.db');
    expect((await cli('backup', backup)).code).toBe(0);
    const lock = await lockDataDir(dir, { program: 'promise-node', purpose: 'start the node' });
    try {
      const result = await cli('restore', backup);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`process ${process.pid}`);
    } finally {
      await lock.release();
    }
  });
});
