import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sessionRoutes } from '../admin/session-routes.js';
import { workspaceRoutes } from '../admin/workspace-routes.js';
import { adoptionRoutes } from '../api/adoption-routes.js';
import { innovationRoutes } from '../api/innovation-routes.js';
import { networkRoutes } from '../api/network-routes.js';
import { organisationRoutes } from '../api/organisation-routes.js';
import { partnerRoutes } from '../api/partner-routes.js';
import { serviceRoutes } from '../api/service-routes.js';
import { statusRoutes } from '../api/status-routes.js';
import { tokenRoutes } from '../api/token-routes.js';
import { requireRole } from '../auth/require-role.js';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';
import { feedRoutes } from '../feed/feed-routes.js';
import { metricsRoutes } from '../metrics/metrics-routes.js';
import { hubReportRoutes, inboxRoutes } from '../reports/report-routes.js';
import { reviewAgenda } from '../resources/review-agenda.js';
import { handleError } from './error-handler.js';
import { healthRoutes } from './health-routes.js';
import type { NodeEnv } from './hono-env.js';
import { openApiDocument } from './openapi.js';
import { mountPublicCors } from './public-cors.js';
import { requestLog } from './request-log.js';
import { securityHeaders } from './security-headers.js';

const MAX_BODY_BYTES = 1024 * 1024;

function tooLarge(limit: number) {
  return (): never => {
    throw new NodeError(413, 'BODY_TOO_LARGE', `Request bodies are limited to ${limit} bytes`);
  };
}

/**
 * The node's HTTP surface: public feed and identity, health, OpenAPI, the authoring API, and the
 * staff workspace at `/admin` with its session endpoint.
 */
export function createApp(ctx: NodeContext) {
  const openapi = JSON.stringify(openApiDocument(ctx.config.publicUrl ?? undefined));
  const app = new Hono<NodeEnv>();
  app.use(requestLog(ctx.log));
  app.use(securityHeaders(ctx.config.publicUrl));
  mountPublicCors(app);
  app.onError(handleError(ctx.log));
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'No such route' } }, 404));
  app.route('/', healthRoutes(ctx));
  app.route('/', feedRoutes(ctx));
  app.route('/', metricsRoutes(ctx));
  app.get('/openapi.json', (c) => {
    c.header('Content-Type', 'application/json');
    return c.body(openapi);
  });
  app.route('/hub/problem-reports', hubReportRoutes(ctx));
  app.use('/admin/session', bodyLimit({ maxSize: 4096, onError: tooLarge(4096) }));
  app.route('/admin/session', sessionRoutes(ctx));
  app.route('/admin', workspaceRoutes(ctx));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: tooLarge(MAX_BODY_BYTES),
    }),
  );
  app.use('/api/tokens/*', requireRole(ctx, 'admin'));
  app.use('/api/tokens', requireRole(ctx, 'admin'));
  app.use('/api/*', requireRole(ctx, 'editor'));
  app.route('/api/tokens', tokenRoutes(ctx));
  app.route('/api/partner', partnerRoutes(ctx));
  app.route('/api/organisations', organisationRoutes(ctx));
  app.route('/api/services', serviceRoutes(ctx));
  app.route('/api/innovations', innovationRoutes(ctx));
  app.route('/api/adoptions', adoptionRoutes(ctx));
  app.route('/api/network', networkRoutes(ctx));
  app.route('/api/status', statusRoutes(ctx));
  app.route('/api/problem-reports', inboxRoutes(ctx));
  app.get('/api/review-agenda', async (c) =>
    c.json(await ctx.database.read((db) => reviewAgenda(db))),
  );
  return app;
}
