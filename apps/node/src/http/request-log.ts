import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

/**
 * One structured log line per request: method, path (never the query or headers, which may
 * carry secrets), status and duration.
 */
export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    };
    if (status >= 500) log.error(line, 'request');
    else log.info(line, 'request');
  };
}
