import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** A ping is one compact JWS (docs/protocol.md §8). */
export const MAX_PING_BYTES = 16 * 1024;

/**
 * Caps every request body the hub reads, enforced while reading: a declared `Content-Length`
 * over the cap is refused before any byte is read, a chunked body as soon as it passes the cap.
 * Either way the answer is 413 `PAYLOAD_TOO_LARGE` (hub README, "Limits").
 */
export function mountBodyLimits(app: Hono, maxRequestBytes: number): void {
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        c.json(
          {
            error: {
              code: 'PAYLOAD_TOO_LARGE',
              message: `A request body here is at most ${maxSize} bytes`,
            },
          },
          413,
        ),
    });
  app.use('/ping', limit(MAX_PING_BYTES));
  app.use('*', limit(maxRequestBytes));
}
