import { ConfigError } from '../config/config.js';
import { NodeError } from '../errors.js';
import { ImportError } from '../import/import-plan.js';
import { createProgram } from './program.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof ImportError || error instanceof NodeError) {
    console.error(error.message);
  } else if (error instanceof Error) {
    console.error(`Error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
