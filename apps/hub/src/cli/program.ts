import { Command } from 'commander';
import { RELEASE } from '../release.js';
import { dataCommands } from './commands/data.js';
import { initCommand } from './commands/init.js';
import { nodesCommand } from './commands/nodes.js';
import { startCommand } from './commands/start.js';
import { tokenCommand } from './commands/token.js';
import { upstreamsCommand } from './commands/upstreams.js';

/** The `promise-hub` command line. */
export function createProgram(): Command {
  const program = new Command('promise-hub')
    .description('Run and operate a PROMISE Network hub')
    .version(RELEASE.version, '-V, --version', 'print the release of promise-hub')
    .option(
      '-c, --config <file>',
      'config file (default: $PROMISE_HUB_CONFIG or ./promise-hub.json; HUB_* variables override it)',
    )
    .option('--json', 'print results as JSON, for scripts')
    .showHelpAfterError()
    // Bad input exits 2 (main.ts); subcommands added below inherit this.
    .exitOverride();
  initCommand(program);
  startCommand(program);
  nodesCommand(program);
  upstreamsCommand(program);
  tokenCommand(program);
  dataCommands(program);
  return program;
}
