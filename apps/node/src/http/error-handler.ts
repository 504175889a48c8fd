import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { NodeError } from '../errors.js';

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
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'unhandled error');
    return c.json(
      { error: { code: 'INTERNAL', message: 'Something went wrong on the node' } },
      500,
    );
  };
}
