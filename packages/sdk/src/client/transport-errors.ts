/**
 * The request never got an HTTP answer: DNS, refused or reset connection, TLS, CORS in a browser.
 * `url` is what was asked for; `cause` is the platform's own error.
 *
 * @example
 * try { await hub.partners(); } catch (error) { if (error instanceof NetworkError) retryLater(error.url); }
 */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly code = 'NETWORK_ERROR';
  constructor(
    readonly url: string,
    options: { cause: unknown },
  ) {
    super(`could not reach ${url}: ${describe(options.cause)}`, options);
  }
}

/** No complete answer within `timeoutMs` (the server accepted and went quiet, or was slow). */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'TIMEOUT';
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
    options: { cause?: unknown } = {},
  ) {
    super(`no answer from ${url} within ${timeoutMs} ms`, options);
  }
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
}
