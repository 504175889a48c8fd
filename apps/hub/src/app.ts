import { trpcServer } from '@hono/trpc-server';
import { Hono } from 'hono';
import { adminAuth, adminOf } from './auth/admin-auth.js';
import type { HubContext } from './context.js';
import { mountBodyLimits } from './http/body-limits.js';
import { publicCacheHeaders } from './http/cache-headers.js';
import { mountPublicCors } from './http/public-cors.js';
import { securityHeaders } from './http/security-headers.js';
import { mountMetrics } from './metrics/metrics-route.js';
import { mountAggregateFeed } from './rest/aggregate-feed.js';
import { mountHsdsServices } from './rest/hsds-services.js';
import { mountIdentity } from './rest/identity.js';
import { mountPing } from './rest/ping.js';
import { mountProject52 } from './rest/project52.js';
import { mountRecords } from './rest/records.js';
import { mountStatus } from './rest/status.js';
import { mountSyndication } from './rest/syndication.js';
import { hubRouter } from './trpc/router.js';
import { INTERNAL_MESSAGE, type RequestContext } from './trpc/trpc.js';

/** The hub's HTTP surface: tRPC for the portal and admins, open REST, the protocol endpoints. */
export function createHubApp(ctx: HubContext): Hono {
  const app = new Hono();
  app.use(securityHeaders({ publicUrl: ctx.config.publicUrl }));
  mountBodyLimits(app, ctx.config.limits.maxRequestBytes);
  mountPublicCors(app);
  app.use(publicCacheHeaders());
  app.get('/healthz', (c) => c.json({ ok: true }));
  mountIdentity(app, ctx);
  mountPing(app, ctx);
  mountHsdsServices(app, ctx);
  mountSyndication(app, ctx);
  mountRecords(app, ctx);
  mountAggregateFeed(app, ctx);
  mountStatus(app, ctx);
  mountProject52(app, ctx);
  mountMetrics(app, ctx);
  app.use('/trpc/*', adminAuth(ctx));
  app.use(
    '/trpc/*',
    trpcServer({
      router: hubRouter,
      maxBatchSize: ctx.config.limits.maxTrpcBatch,
      createContext: async (_options, c): Promise<Record<string, unknown> & RequestContext> => {
        return {
          hub: ctx,
          admin: adminOf(c),
          client: ctx.limits.clientOf(c),
        };
      },
    }),
  );
  app.onError((error, c) => {
    ctx.log.error({ err: error, path: c.req.path }, 'request failed');
    return c.json({ error: 'INTERNAL', message: INTERNAL_MESSAGE }, 500);
  });
  return app;
}
