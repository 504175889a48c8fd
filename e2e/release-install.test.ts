import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installWithNpm, nodeOfMajor, packRelease } from './support/packed-release.js';

// The release as a partner gets it: the packed tarballs, installed with npm into an empty folder
// outside the checkout, run as plain JavaScript on each supported Node.js line.
const run = promisify(execFile);
let work: string;
let app: string;
const running: ChildProcess[] = [];

const VERIFY_FEED = `
import { initialFeedState, verifyDescriptor, verifyFeedPage } from '@promise-global/sdk/verify';
const url = process.argv[2];
const res = await fetch(url + '/.well-known/promise-node');
const { descriptor, keys } = await verifyDescriptor(await res.text(), { url });
let state = initialFeedState({ iss: descriptor.iss, partnerId: descriptor.partner.id, keys });
let records = 0;
for (;;) {
  const page = await (await fetch(descriptor.feedUrl + '?after=' + state.seq + '&limit=500')).json();
  const verified = await verifyFeedPage(state, page);
  state = verified.state;
  records += verified.records.length;
  if (verified.records.length === 0 || state.seq >= verified.head.seq) break;
}
console.log(JSON.stringify({ partner: descriptor.partner.id, records, seq: state.seq }));
`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function startUntil(command: string, args: string[], cwd: string, ready: string) {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  return new Promise<ChildProcess>((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) resolve(child);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'promise-release-'));
  const tarballs = await packRelease(await mkdtemp(join(work, 'tarballs-')));
  app = join(work, 'app');
  await installWithNpm(app, tarballs);
  await writeFile(join(app, 'verify-feed.mjs'), VERIFY_FEED);
}, 600_000);

afterAll(async () => {
  await Promise.all(running.map(stop));
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the release installed from its tarballs with npm', () => {
  it('holds real copies of every package, none linked to the checkout, and no TypeScript runner', async () => {
    const scope = join(app, 'node_modules', '@promise-global');
    const installed = (await readdir(scope)).sort();
    expect(installed).toEqual(['node', 'schema', 'sdk', 'ui']);
    for (const name of installed) {
      const path = join(scope, name);
      expect((await lstat(path)).isSymbolicLink(), name).toBe(false);
      expect(await realpath(path)).toBe(path);
      const manifest = await readFile(join(path, 'package.json'), 'utf8');
      expect(manifest, name).not.toContain('workspace:');
      expect(JSON.parse(manifest).license, name).toBe('MIT');
      await lstat(join(path, 'LICENSE'));
    }
    const node = JSON.parse(await readFile(join(scope, 'node', 'package.json'), 'utf8'));
    expect(Object.keys(node.dependencies)).not.toContain('tsx');
    await lstat(join(scope, 'node', 'dist', 'cli', 'main.js'));
    await lstat(join(scope, 'node', 'dist', 'workspace', 'index.html'));
    await expect(lstat(join(scope, 'node', 'src'))).rejects.toThrow();
  });

  describe.each([24, 26])('on Node.js %i', (major) => {
    it('inits and starts a node whose feed the packed SDK verifies', async () => {
      const node = await nodeOfMajor(major);
      expect((await run(node, ['--version'])).stdout).toMatch(new RegExp(`^v${major}\\.`));
      const bin = join(app, 'node_modules', '@promise-global', 'node', 'bin', 'promise-node.js');
      const dir = join(work, `node-${major}`);
      const config = join(dir, 'promise-node.json');
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const init = await run(
        node,
        [bin, '--config', config, 'init', dir, '--partner-id', 'fenland', '--port', String(port)]
          .concat(['--name', 'Fenland Mental Health Partnership', '--country', 'GB'])
          .concat(['--website', 'https://fenland.example.org'])
          .concat(['--contact-email', 'promise@fenland.example.org'])
          .concat(['--description', 'A fictional partner.']),
        { cwd: app },
      );
      expect(init.stdout).toMatch(/Admin token \(shown once[^:]*\): pnt_/);

      const server = await startUntil(
        node,
        [bin, '--config', config, 'start'],
        app,
        'listening at',
      );
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const verified = await run(node, [join(app, 'verify-feed.mjs'), url], { cwd: app });
      expect(JSON.parse(verified.stdout)).toMatchObject({ partner: 'fenland' });
      expect(JSON.parse(verified.stdout).records).toBeGreaterThan(0);
      await stop(server);
    }, 300_000);
  });
});
