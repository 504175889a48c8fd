import { OperationError } from '@promise-global/operations';
import { CommanderError } from 'commander';
import { HubConfigError } from '../config/config.js';
import { EnrolmentError } from '../enrolment/enrolment-error.js';
import { UpstreamError } from '../upstream/upstream-error.js';
import { createProgram } from './program.js';

/** Refusals that mean the command was given something wrong: exit 2, like a bad flag. */
const BAD_INPUT = new Set([
  'HUB_CONFIG_INVALID',
  'NODE_URL_INVALID',
  'NODE_NOT_FOUND',
  'ENROLMENT_NOT_PENDING',
  'FINGERPRINT_MISMATCH',
  'UPSTREAM_NOT_FOUND',
]);

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed what was wrong and the command's help: bad input exits 2.
    const shown = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(
      error.code,
    );
    process.exitCode = shown ? 0 : 2;
  } else if (
    error instanceof HubConfigError ||
    error instanceof EnrolmentError ||
    error instanceof UpstreamError ||
    error instanceof OperationError
  ) {
    console.error(`${error.message} (${error.code})`);
    process.exitCode = BAD_INPUT.has(error.code) ? 2 : 1;
  } else {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
