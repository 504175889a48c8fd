import { metricsTokenMatches } from '@promise-global/operations';
import type { Hono } from 'hono';
import type { HubContext } from '../context.js';

/**
 * `GET /metrics` on the hub's own listener, for a Prometheus that scrapes through the public
 * address: only with `metrics.token` set and no separate `metrics.port`, and only for
 * `Authorization: Bearer <token>`. A wrong token counts against the client like a failed admin
 * sign-in (429 after too many). Without a token the route does not exist (404).
 */
export function mountMetrics(app: Hono, ctx: HubContext): void {
  const { token, port } = ctx.config.metrics;
  if (token === undefined || port !== undefined) return;
  ctx.metrics.collectProcessMetrics();
  app.get('/metrics', async (c) => {
    c.header('cache-control', 'no-store');
    const authorization = c.req.header('authorization');
    if (!metricsTokenMatches(authorization, token)) {
      const decision = ctx.limits.takeAuthFailure(ctx.limits.clientOf(c), authorization ?? '');
      if (!decision.allowed) {
        c.header('retry-after', String(decision.retryAfterSeconds));
        return c.json(
          {
            error: {
              code: 'TOO_MANY_AUTH_FAILURES',
              message: 'Too many failed sign-ins; try later',
            },
          },
          429,
        );
      }
      c.header('www-authenticate', 'Bearer realm="metrics"');
      return c.json(
        { error: { code: 'UNAUTHENTICATED', message: 'A valid metrics token is required' } },
        401,
      );
    }
    try {
      const text = await ctx.metrics.registry.metrics();
      c.header('content-type', ctx.metrics.registry.contentType);
      return c.body(text);
    } catch (error) {
      ctx.log.warn({ err: error }, 'metrics unavailable');
      return c.json(
        { error: { code: 'METRICS_UNAVAILABLE', message: 'Metrics are unavailable' } },
        503,
      );
    }
  });
}
