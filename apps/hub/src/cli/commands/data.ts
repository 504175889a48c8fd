import { resolve } from 'node:path';
import { backupDatabase, lockDataDir, restoreDatabase } from '@promise-global/operations';
import type { Command } from 'commander';
import { type GlobalOptions, locate, PROGRAM, print, withHub } from '../cli-context.js';

export function dataCommands(program: Command) {
  const globals = () => program.opts<GlobalOptions>();
  program
    .command('backup')
    .description('Write a consistent copy of the database (safe while the hub runs)')
    .argument('<file>', 'the backup file to create (owner-only; back up the key file too)')
    .action(async (file: string) => {
      const target = resolve(file);
      await withHub(globals(), (hub) =>
        backupDatabase(hub.db.$client, hub.config.database.url, target),
      );
      print(globals(), { backup: target }, () => [`Backed up to ${target}`]);
    });
  program
    .command('restore')
    .description('Replace the database with a backup (refused while the hub runs)')
    .argument('<file>', 'a file made by `backup`')
    .action(async (file: string) => {
      const located = locate(globals());
      const lock = await lockDataDir(located.dataDir, { program: PROGRAM, purpose: 'restore' });
      const url = located.input.database?.url ?? 'file:hub.db';
      const held = await restoreDatabase(url, resolve(file), async (client) => {
        const count = async (table: string) =>
          Number((await client.execute(`select count(*) as n from ${table}`)).rows[0]?.n ?? 0);
        return { nodes: await count('nodes'), entries: await count('entries') };
      }).finally(() => lock.release());
      print(globals(), { restored: resolve(file), ...held }, () => [
        `Restored ${resolve(file)} (${held.nodes} nodes, ${held.entries} log entries). Start the hub again.`,
      ]);
    });
}
