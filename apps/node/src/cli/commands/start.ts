import { lockDataDir } from '@promise-global/operations';
import type { Command } from 'commander';
import { nodeLogger } from '../../logging/node-logger.js';
import { createNode } from '../../node.js';
import { type GlobalOptions, loadCliConfig } from '../cli-context.js';

export function startCommand(program: Command) {
  program
    .command('start')
    .description(
      'Run the node: serve the authoring API, the signed feed and its identity (logs are JSON lines)',
    )
    .option(
      '--accept-rollback',
      'start even though the signing key has signed records this database does not hold (after ' +
        'losing data with no newer backup; the hub operator must then re-pin the node)',
    )
    .action(async (options: { acceptRollback?: boolean }) => {
      const config = loadCliConfig(program.opts<GlobalOptions>());
      const lock = await lockDataDir(config.dataDir, {
        program: 'promise-node',
        purpose: 'start the node',
      });
      const logger = nodeLogger(config);
      try {
        const node = await createNode(config, {
          logger,
          acceptRollback: options.acceptRollback ?? false,
        });
        try {
          await node.start();
          const signal = await new Promise<NodeJS.Signals>((resolve) => {
            for (const name of ['SIGINT', 'SIGTERM'] as const)
              process.once(name, () => resolve(name));
          });
          logger.info({ signal }, 'shutting down');
        } finally {
          await node.close();
        }
      } finally {
        await lock.release();
      }
    });
}
