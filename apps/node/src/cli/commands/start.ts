import { lockDataDir } from '@promise-global/operations';
import type { Command } from 'commander';
import { pino } from 'pino';
import { createNode } from '../../node.js';
import { type GlobalOptions, loadCliConfig } from '../cli-context.js';

export function startCommand(program: Command) {
  program
    .command('start')
    .description('Run the node: serve the authoring API, the signed feed and its identity')
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
      const logger = pino({
        level: config.logLevel,
        base: { service: 'promise-node', partner: config.partnerId },
      });
      try {
        const node = await createNode(config, {
          logger,
          acceptRollback: options.acceptRollback ?? false,
        });
        const url = await node.start();
        console.log(`promise-node for ${config.partnerId} listening at ${url}`);
        await new Promise<void>((resolve) => {
          for (const signal of ['SIGINT', 'SIGTERM'] as const)
            process.once(signal, () => resolve());
        });
        await node.close();
      } finally {
        await lock.release();
      }
    });
}
