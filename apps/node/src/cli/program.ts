import { Command } from 'commander';
import { RELEASE } from '../release.js';
import { dataCommands } from './commands/data.js';
import { initCommand } from './commands/init.js';
import { keyCommand } from './commands/key.js';
import { startCommand } from './commands/start.js';
import { tokenCommand } from './commands/token.js';

/** The `promise-node` command line. */
export function createProgram(): Command {
  const program = new Command('promise-node')
    .description('Run and manage a PROMISE Network partner node')
    .version(RELEASE.version, '-V, --version', 'print the release of promise-node')
    .option(
      '-c, --config <file>',
      'config file (default: $PROMISE_NODE_CONFIG or ./promise-node.json)',
    )
    .showHelpAfterError()
    // Bad input exits 2 (main.ts); subcommands added below inherit this.
    .exitOverride();
  initCommand(program);
  startCommand(program);
  tokenCommand(program);
  keyCommand(program);
  dataCommands(program);
  return program;
}
