import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordHash } from '@promise-global/sdk/sign';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../src/cli/program.js';
import { examples, freePort, nodeCli, stop } from './cli-process.js';

let dir: string;
let config: string;
let url: string;
let server: ChildProcess | undefined;
let cli: ReturnType<typeof nodeCli>['cli'];
let start: ReturnType<typeof nodeCli>['start'];

async function feedHashes(): Promise<string[]> {
  const page = (await (await fetch(`${url}/feed?after=0&limit=1000`)).json()) as {
    records: string[];
  };
  return page.records.map(recordHash);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-node-cli-'));
  config = join(dir, 'promise-node.json');
  ({ cli, start } = nodeCli(dir, config));
});

afterAll(async () => {
  await stop(server);
  await rm(dir, { recursive: true, force: true });
});

describe('promise-node CLI', () => {
  it('prints help for every command', async () => {
    const help = await cli('--help');
    expect(help.stdout).toContain('Usage: promise-node');
    const version = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
    expect((await cli('--version')).stdout.trim()).toBe(version.version);
    const unknown = await cli('bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'bogus'");
    const badRole = await cli('token', 'create', '--name', 'x', '--role', 'viewer');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr.split('\n')[0]).toBe(
      "error: option '--role <role>' argument 'viewer' is invalid. Allowed choices are editor, admin.",
    );
    const program = createProgram();
    const commands = (command: Command): Command[] => [
      command,
      ...command.commands.flatMap(commands),
    ];
    for (const command of commands(program)) {
      let out = '';
      command.exitOverride().configureOutput({ writeOut: (text) => (out += text) });
      const path = [];
      for (let c: Command | null = command; c && c !== program; c = c.parent)
        path.unshift(c.name());
      await expect(program.parseAsync([...path, '--help'], { from: 'user' })).rejects.toMatchObject(
        {
          code: 'commander.helpDisplayed',
        },
      );
      expect(out).toContain(`Usage: promise-node ${path.join(' ')}`.trim());
    }
  });

  it('inits, starts, imports all-or-nothing, backs up while running, and restores the same feed', async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const init = await cli(
      'init',
      dir,
      '--partner-id',
      'fenland',
      '--port',
      String(port),
      '--name',
      'Fenland Mental Health Partnership',
      '--country',
      'GB',
      '--website',
      'https://fenland.example.org',
      '--contact-email',
      'promise@fenland.example.org',
      '--description',
      'A fictional partner.',
    );
    expect(init.code, init.stderr).toBe(0);
    const admin = /Admin token \(shown once[^:]*\): (\S+)/.exec(init.stdout)?.[1];
    expect(admin).toMatch(/^pnt_/);
    expect(JSON.parse(await readFile(config, 'utf8'))).toMatchObject({
      partnerId: 'fenland',
      port,
    });

    server = await start();
    expect(await feedHashes()).toHaveLength(1);

    const imported = await cli('import', join(examples, 'services.csv'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('4 services');
    const afterImport = await feedHashes();
    expect(afterImport).toHaveLength(7);

    const refused = await cli('import', join(examples, 'services-with-bad-row.csv'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing was changed');
    expect(refused.stderr).toMatch(/row 3: urgency:/);
    expect(await feedHashes()).toEqual(afterImport);

    const backup = join(dir, 'backup.db');
    expect((await cli('backup', backup)).code).toBe(0);

    const created = await cli('token', 'create', '--name', 'cms', '--role', 'editor');
    const token = created.stdout.trim();
    const response = await fetch(`${url}/api/organisations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'After the backup', type: 'vcfse' }),
    });
    expect(response.status).toBe(201);
    expect(await feedHashes()).toHaveLength(8);
    const listed = await cli('token', 'list');
    expect(listed.stdout).toContain('cms');
    expect(listed.stdout).not.toContain(token);

    const refusedWhileRunning = await cli('restore', backup);
    expect(refusedWhileRunning.code).toBe(1);
    expect(refusedWhileRunning.stderr).toContain(`in use by promise-node (process ${server.pid}`);
    const secondStart = await cli('start');
    expect(secondStart.code).toBe(1);
    expect(secondStart.stderr).toContain('Cannot start the node');
    expect(await feedHashes()).toHaveLength(8);

    await stop(server);
    const restored = await cli('restore', backup);
    expect(restored.code, restored.stderr).toBe(0);
    // The key signed seq 8 after the backup: starting on the backup would fork the hub's copy.
    const rolledBack = await cli('start');
    expect(rolledBack.code).toBe(1);
    expect(rolledBack.stderr).toContain(
      "This node's key has signed records up to seq 8, but its database holds records only up to seq 7",
    );
    server = await start('--accept-rollback');
    expect(await feedHashes()).toEqual(afterImport);

    const exported = JSON.parse((await cli('export')).stdout) as {
      services: unknown[];
      organisations: unknown[];
    };
    expect(exported.services).toHaveLength(4);
    expect(exported.organisations).toHaveLength(2);
  }, 180_000);
});
