import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port.js';
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

// Writes and submits a piece on the node, and waits until the hub (which the node pings) has
// harvested it: reading through the SDK installed from its tarball.
const WRITE_AND_WAIT = `
import { HubClient } from '@promise-global/sdk/client/hub';
const [hubUrl, nodeUrl, token] = process.argv.slice(2);
const hub = new HubClient({ baseUrl: hubUrl });
const api = (path, body, headers = {}) => fetch(nodeUrl + path, {
  method: 'POST',
  headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const created = await api('/api/innovations', {
  title: 'Quiet rooms on the crisis ward',
  summary: 'A fictional ward made two quiet rooms that people in crisis can choose to use.',
  body: 'People asked for somewhere calm. The team made two quiet rooms and asked people how they helped.',
  kind: 'innovation',
  themes: ['crisis_care'],
  setting: 'Inpatient ward',
  evidenceLevel: 'pilot',
  contact: { role: 'Ward manager', email: 'ward@example.org' },
});
if (created.status !== 201) throw new Error('create: ' + created.status + ' ' + await created.text());
const { data } = await created.json();
const submitted = await api('/api/innovations/' + data.id + '/submit', { confirmPersonalData: true },
  { 'if-match': created.headers.get('etag') });
if (submitted.status !== 200) throw new Error('submit: ' + submitted.status);
const deadline = Date.now() + 60_000;
for (;;) {
  const page = await hub.searchInnovations({ q: 'quiet rooms' });
  if (page.items.length > 0) break;
  if (Date.now() > deadline) throw new Error('the hub never indexed the piece');
  await new Promise((resolve) => setTimeout(resolve, 100));
}
`;

function startUntil(
  command: string,
  args: string[],
  cwd: string,
  ready: string,
  env: NodeJS.ProcessEnv = process.env,
) {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
    expect(installed).toEqual(['hub', 'node', 'operations', 'portal', 'schema', 'sdk', 'ui']);
    for (const name of installed) {
      const path = join(scope, name);
      expect((await lstat(path)).isSymbolicLink(), name).toBe(false);
      expect(await realpath(path)).toBe(path);
      const manifest = await readFile(join(path, 'package.json'), 'utf8');
      expect(manifest, name).not.toContain('workspace:');
      expect(JSON.parse(manifest).license, name).toBe('MIT');
      await lstat(join(path, 'LICENSE'));
    }
    for (const name of ['node', 'hub', 'portal']) {
      const manifest = JSON.parse(await readFile(join(scope, name, 'package.json'), 'utf8'));
      expect(Object.keys(manifest.dependencies), name).not.toContain('tsx');
      expect(manifest.bin, name).toHaveProperty(`promise-${name}`);
    }
    await lstat(join(scope, 'hub', 'dist', 'cli', 'main.js'));
    await lstat(join(scope, 'portal', 'build', 'handler.js'));
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

  it('runs a node, a hub that harvests it and a portal that shows its piece', async () => {
    const node = process.execPath;
    const scope = join(app, 'node_modules', '@promise-global');
    const dir = join(work, 'network');
    const [nodePort, hubPort, portalPort] = [await freePort(), await freePort(), await freePort()];
    const nodeUrl = `http://127.0.0.1:${nodePort}`;
    const hubUrl = `http://127.0.0.1:${hubPort}`;
    const portalUrl = `http://127.0.0.1:${portalPort}`;

    const nodeBin = join(scope, 'node', 'bin', 'promise-node.js');
    const config = join(dir, 'promise-node.json');
    await run(
      node,
      [nodeBin, '--config', config, 'init', dir, '--partner-id', 'fenland']
        .concat(['--port', String(nodePort), '--hub-url', hubUrl])
        .concat(['--name', 'Fenland Mental Health Partnership', '--country', 'GB'])
        .concat(['--website', 'https://fenland.example.org'])
        .concat(['--contact-email', 'promise@fenland.example.org'])
        .concat(['--description', 'A fictional partner.']),
      { cwd: app },
    );
    await startUntil(node, [nodeBin, '--config', config, 'start'], app, 'listening at');
    const token = (
      await run(node, [nodeBin, '--config', config, 'token', 'create', '--name', 'it'])
    ).stdout.match(/pnt_\S+/)?.[0];
    expect(token).toBeDefined();

    // The hub as its operator runs it: init, start, enrol with the CLI.
    const hubBin = join(scope, 'hub', 'bin', 'promise-hub.js');
    const hubConfig = join(work, 'hub', 'promise-hub.json');
    const hubEnv = { ...process.env, HUB_ALLOW_PRIVATE_HOSTS: '127.0.0.1' };
    const hubInit = await run(
      node,
      [hubBin, 'init', join(work, 'hub'), '--port', String(hubPort)],
      {
        cwd: app,
        env: hubEnv,
      },
    );
    expect(hubInit.stdout).toMatch(/Operator token \(shown once[^:]*\): phub_/);
    await startUntil(node, [hubBin, '--config', hubConfig, 'start'], app, 'hub listening', hubEnv);
    const enrolled = await run(node, [hubBin, '--config', hubConfig, 'nodes', 'enrol', nodeUrl], {
      cwd: app,
      env: hubEnv,
    });
    expect(enrolled.stdout).toContain('fenland');
    // The partner reads its fingerprint off its own node and tells the operator, who confirms it.
    const shown = await run(node, [nodeBin, '--config', config, 'key', 'show'], { cwd: app });
    const fingerprint = /Key fingerprint: (\S+)/.exec(shown.stdout)?.[1] ?? '';
    expect(enrolled.stdout).toContain(fingerprint);
    await run(
      node,
      [hubBin, '--config', hubConfig, 'nodes', 'approve', 'fenland', '--fingerprint', fingerprint],
      { cwd: app, env: hubEnv },
    );

    await writeFile(join(app, 'write-and-wait.mjs'), WRITE_AND_WAIT);
    await run(node, [join(app, 'write-and-wait.mjs'), hubUrl, nodeUrl, token ?? ''], { cwd: app });

    await startUntil(
      node,
      [join(scope, 'portal', 'bin', 'promise-portal.js'), 'start', '--hub-url', hubUrl].concat([
        '--port',
        String(portalPort),
      ]),
      app,
      'portal listening',
    );
    const home = await fetch(portalUrl);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Quiet rooms on the crisis ward');
  }, 300_000);
});
