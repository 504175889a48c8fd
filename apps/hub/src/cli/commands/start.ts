import { lockDataDir } from '@promise-global/operations';
import type { Command } from 'commander';
import { pino } from 'pino';
import { createHub } from '../../create-hub.js';
import { type GlobalOptions, locate, PROGRAM } from '../cli-context.js';

export function startCommand(program: Command) {
  program
    .command('start')
    .description(
      'Run the hub: harvest enrolled nodes, serve search, feeds and the admin API (logs are JSON lines)',
    )
    .action(async () => {
      const located = locate(program.opts<GlobalOptions>());
      const lock = await lockDataDir(located.dataDir, {
        program: PROGRAM,
        purpose: 'start the hub',
      });
      try {
        const hub = await createHub(located.input, {
          log: pino({ level: located.input.logLevel ?? 'info', base: { app: 'hub' } }),
        });
        try {
          await hub.start();
          // The operator CLI's `sync` and `enrol` ask the running hub to harvest what is due now.
          const syncDue = () => void hub.harvester.syncDue();
          process.on('SIGUSR2', syncDue);
          await new Promise<void>((resolve) => {
            for (const signal of ['SIGINT', 'SIGTERM'] as const)
              process.once(signal, () => resolve());
          });
          process.off('SIGUSR2', syncDue);
        } finally {
          await hub.close();
        }
      } finally {
        await lock.release();
      }
    });
}
