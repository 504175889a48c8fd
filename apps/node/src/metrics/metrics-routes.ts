import { metricsTokenMatches } from '@promise-global/operations';
import { Hono } from 'hono';
import { refuseRepeatedFailure } from '../auth/require-role.js';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';
import type { NodeEnv } from '../http/hono-env.js';

/**
 * `GET /metrics` on the node's own listener, for a Prometheus that scrapes through the public
 * address: only with `metricsToken` set and no separate `metricsPort`, and only for
 * `Authorization: Bearer <metricsToken>`. A wrong token counts as a failed sign-in (429 after too
 * many). Without a token the route does not exist (404).
 */
export function metricsRoutes(ctx: NodeContext) {
  const routes = new Hono<NodeEnv>();
  const token = ctx.config.metricsToken;
  if (token === undefined || ctx.config.metricsPort !== undefined) return routes;
  ctx.metrics.collectProcessMetrics();
  return routes.get('/metrics', async (c) => {
    c.header('Cache-Control', 'no-store');
    const authorization = c.req.header('authorization');
    if (!metricsTokenMatches(authorization, token)) {
      refuseRepeatedFailure(c, ctx, authorization, 'metrics_token_invalid');
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new NodeError(401, 'UNAUTHENTICATED', 'A valid metrics token is required');
    }
    const { registry } = ctx.metrics;
    try {
      const text = await registry.metrics();
      c.header('Content-Type', registry.contentType);
      return c.body(text);
    } catch (error) {
      ctx.log.warn({ err: error }, 'metrics unavailable');
      throw new NodeError(503, 'METRICS_UNAVAILABLE', 'Metrics are unavailable');
    }
  });
}
