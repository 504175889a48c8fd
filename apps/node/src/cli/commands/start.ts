import type { Command } from 'commander';
import { pino } from 'pino';
import { createNode } from '../../node.js';
import { type GlobalOptions, loadCliConfig } from '../cli-context.js';

export function startCommand(program: Command) {
  program
    .command('start')
    .description('Run the node: serve the authoring API, the signed feed and its identity')
    .action(async () => {
      const config = loadCliConfig(program.opts<GlobalOptions>());
      const logger = pino({
        level: config.logLevel,
        base: { service: 'promise-node', partner: config.partnerId },
      });
      const node = await createNode(config, { logger });
      const url = await node.start();
      console.log(`promise-node for ${config.partnerId} listening at ${url}`);
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
      });
      await node.close();
    });
}
