import { listenMetrics, type MetricsListener } from '@promise-global/operations';
import type { HubContext } from '../context.js';

/** `/metrics` alone on `metrics.host:metrics.port` (loopback by default), token too if set. */
export function startMetricsListener(ctx: HubContext): Promise<MetricsListener> {
  const { host, port, token } = ctx.config.metrics;
  ctx.metrics.collectProcessMetrics();
  return listenMetrics({
    host,
    port: port ?? 0,
    source: ctx.metrics.registry,
    token,
    onError: (error) => ctx.log.warn({ err: error }, 'metrics unavailable'),
  });
}
