import { Hono } from 'hono';
import type { NodeContext } from '../context.js';

/** `/healthz`: the process answers. `/readyz`: the database answers too. */
export function healthRoutes(ctx: NodeContext) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      try {
        await ctx.database.read((db) => db.run('select 1'));
        return c.json({ status: 'ready' });
      } catch (error) {
        ctx.log.warn({ err: error }, 'readiness check failed');
        return c.json({ status: 'unavailable', reason: 'database unreachable' }, 503);
      }
    });
}
