import type { Hono } from 'hono';
import type { HubContext } from '../context.js';
import { listNodeStatuses } from '../nodes/node-status.js';

/** The federation's health as plain JSON, for nodes' staff dashboards and anyone's monitoring. */
export function mountStatus(app: Hono, ctx: HubContext): void {
  app.get('/status', async (c) => {
    c.header('cache-control', 'no-store');
    const project52 = await ctx.project52?.programme.noticesByPartner();
    return c.json({ hub: ctx.url(), nodes: await listNodeStatuses(ctx.db, project52) });
  });
}
