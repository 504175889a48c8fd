/** Stable codes for failures below the protocol: the network, HTTP and size limits. */
export type TransportErrorCode =
  | 'ADDRESS_REFUSED'
  | 'DNS_FAILED'
  | 'CONNECT_TIMEOUT'
  | 'FIRST_BYTE_TIMEOUT'
  | 'TOTAL_TIMEOUT'
  | 'CONNECTION_REFUSED'
  | 'CONNECTION_RESET'
  | 'NETWORK_ERROR'
  | 'RESPONSE_TOO_LARGE'
  | 'TOO_MANY_REDIRECTS'
  | 'UNSUPPORTED_URL'
  | 'HTTP_STATUS'
  | 'WRONG_CONTENT_TYPE'
  | 'MALFORMED_RESPONSE'
  | 'ABORTED'
  | 'SYNC_BUDGET';

/** A fetch from a node that failed before any protocol check could run. */
export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
