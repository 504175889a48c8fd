import { isProtocolError } from '@promise-global/sdk';
import { TransportError } from '../http/transport-error.js';

/** Stable code and message of anything that went wrong while talking to a node. */
export function describeFailure(error: unknown): { code: string; message: string } {
  if (isProtocolError(error) || error instanceof TransportError)
    return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
