import { isProtocolError } from '@promise-global/sdk';
import { TransportError } from '../http/transport-error.js';

/**
 * Stable code and message of anything that went wrong while talking to a node. The message is
 * public (a node's `lastError` on `/status`): the hub's own failures (a database error, a bug) are
 * named only as `INTERNAL`, their detail goes to the log (`internalDetail`).
 */
export function describeFailure(error: unknown): { code: string; message: string } {
  if (isProtocolError(error) || error instanceof TransportError)
    return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: 'The hub failed on its side; its operator has the detail' };
}

/** The error itself, for the log, when it was the hub's own failure. */
export function internalDetail(error: unknown): { err?: unknown } {
  return isProtocolError(error) || error instanceof TransportError ? {} : { err: error };
}
