import { OperationError } from './operation-error.js';

/** A server's failure to listen, in words an operator can act on; other errors unchanged. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    return new OperationError(
      'PORT_IN_USE',
      `${host}:${port} is in use: stop what listens there or choose another port`,
    );
  }
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    return new OperationError(
      'PORT_UNAVAILABLE',
      `Cannot listen on ${host}:${port} (${code}): use a port above 1023 behind a proxy, or an address this machine has`,
    );
  }
  return error;
}
