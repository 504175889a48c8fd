import { OperationError } from '@promise-global/operations';
import { CommanderError } from 'commander';
import { ConfigError } from '../config/config.js';
import { NodeError } from '../errors.js';
import { ImportError } from '../import/import-plan.js';
import { createProgram } from './program.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed what was wrong and the command's help: bad input exits 2.
    const shown = ['commander.helpDisplayed', 'commander.version'].includes(error.code);
    process.exitCode = shown ? 0 : 2;
  } else {
    process.exitCode = 1;
    if (
      error instanceof ConfigError ||
      error instanceof ImportError ||
      error instanceof NodeError ||
      error instanceof OperationError
    ) {
      console.error(error.message);
    } else if (error instanceof Error) {
      console.error(`Error: ${error.message}`);
    } else {
      console.error(error);
    }
  }
}
