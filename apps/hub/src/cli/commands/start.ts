import { lockDataDir } from '@promise-global/operations';
import type { Command } from 'commander';
import { createHub } from '../../create-hub.js';
import { hubLogger } from '../../logging/hub-logger.js';
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
        const log = hubLogger(located.input.logLevel ?? 'info');
        const hub = await createHub(located.input, { log });
        try {
          await hub.start();
          // The operator CLI's `sync` and `enrol` ask the running hub to harvest what is due now.
          const syncDue = () => void hub.harvester.syncDue();
          process.on('SIGUSR2', syncDue);
          const signal = await new Promise<NodeJS.Signals>((resolve) => {
            for (const name of ['SIGINT', 'SIGTERM'] as const)
              process.once(name, () => resolve(name));
          });
          log.info({ signal }, 'shutting down');
          process.off('SIGUSR2', syncDue);
        } finally {
          await hub.close();
        }
      } finally {
        await lock.release();
      }
    });
}
