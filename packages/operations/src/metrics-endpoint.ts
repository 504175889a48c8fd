import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What serves the metrics text: a prom-client `Registry` fits. */
export interface MetricsSource {
  contentType: string;
  metrics(): Promise<string>;
}

/**
 * Whether an `Authorization` header carries `Bearer <token>` (the scheme in any case). Both sides
 * are hashed first, so the comparison takes the same time whatever the header holds and however
 * long it is.
 */
export function metricsTokenMatches(authorization: string | null | undefined, token: string) {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? '';
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(token)) && presented.length > 0;
}

export interface MetricsListenerOptions {
  host: string;
  port: number;
  source: MetricsSource;
  /** When set, a scrape must send `Authorization: Bearer <token>` here too. */
  token?: string | undefined;
  /** Told of each scrape refused for a missing or wrong token (to count it). */
  onRefused?: () => void;
  /** Told when collecting the metrics failed (the scrape is answered 503). */
  onError?: (error: unknown) => void;
}

export interface MetricsListener {
  /** `http://host:port/metrics`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` alone on its own address (by default loopback, for a Prometheus on the
 * same host or behind the operator's own tunnel), apart from the public listener. Every other
 * path is 404.
 */
export async function listenMetrics(options: MetricsListenerOptions): Promise<MetricsListener> {
  const server = createServer((request, response) => {
    void answerScrape(request, response, options);
  });
  await new Promise<void>((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? Object.assign(
              new Error(
                `${options.host}:${options.port} is in use: stop what listens there or set another metrics port`,
              ),
              { code: error.code },
            )
          : error,
      );
    server.once('error', refuse);
    server.listen(options.port, options.host, () => {
      server.off('error', refuse);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answerScrape(
  request: IncomingMessage,
  response: ServerResponse,
  options: MetricsListenerOptions,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://metrics').pathname;
  const plain = (status: number, text: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    response.end(request.method === 'HEAD' ? undefined : `${text}\n`);
  };
  if (path !== '/metrics') return plain(404, 'Not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(405, 'Method not allowed', { allow: 'GET, HEAD' });
  }
  if (
    options.token !== undefined &&
    !metricsTokenMatches(request.headers.authorization, options.token)
  ) {
    options.onRefused?.();
    return plain(401, 'A valid metrics token is required', {
      'www-authenticate': 'Bearer realm="metrics"',
    });
  }
  try {
    const text = await options.source.metrics();
    response.writeHead(200, {
      'content-type': options.source.contentType,
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : text);
  } catch (error) {
    options.onError?.(error);
    plain(503, 'Metrics are unavailable');
  }
}
