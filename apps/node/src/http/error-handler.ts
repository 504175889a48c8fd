import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { NodeError } from '../errors.js';

/** Seconds a writer told the database is busy should wait before trying again. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

/** SQLITE_BUSY / SQLITE_LOCKED, looking through drizzle's query wrapper to libSQL's error. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
    if (/\bdatabase is (locked|busy)\b/.test(cause.message)) return true;
    cause = cause.cause;
  }
  return false;
}

/** The one place errors become responses: `{ error: { code, message, ...details } }`. */
export function handleError(log: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof NodeError) {
      return c.json(
        { error: { code: error.code, message: error.message, ...error.details } },
        error.status,
      );
    }
    if (error instanceof HTTPException) {
      const status = error.status;
      const code = status === 413 ? 'BODY_TOO_LARGE' : 'HTTP_ERROR';
      return c.json({ error: { code, message: error.message || 'Request refused' } }, status);
    }
    if (isDatabaseBusy(error)) {
      // Another process (an import, a backup) holds the write lock past our busy wait: try again.
      log.warn({ method: c.req.method, path: c.req.path }, 'database busy');
      c.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
      return c.json(
        {
          error: {
            code: 'DATABASE_BUSY',
            message: 'The node is busy writing (an import may be running). Try again shortly.',
          },
        },
        503,
      );
    }
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json(
      { error: { code: 'INTERNAL', message: 'Something went wrong on the node' } },
      500,
    );
  };
}
