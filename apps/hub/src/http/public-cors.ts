import type { Hono, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * The hub's public reads: anyone may fetch them from any origin (Open Referral UK asks for
 * `Access-Control-Allow-Origin: *` on `/services`). Nothing here carries credentials; the admin
 * and editor API, the ping endpoint and the mailing links never get CORS headers.
 */
const PUBLIC_PATHS = [
  '/healthz',
  '/status',
  '/.well-known/*',
  '/memberships',
  '/memberships/*',
  '/services',
  '/services/*',
  '/hub/feed',
  '/feed.json',
  '/rss.xml',
  '/atom.xml',
  '/bulletins/rss.xml',
  '/bulletins/atom.xml',
  '/bulletins/feed.json',
];

/** tRPC queries anyone may call (`GET /trpc/<name>`); mutations and `admin.*` are never listed. */
const PUBLIC_QUERIES = new Set([
  'search.innovations',
  'search.services',
  'facets.innovations',
  'facets.services',
  'records.get',
  'partners.list',
  'nodes.status',
  'project52.schedule',
  'project52.bulletins',
  'project52.bulletin',
]);

const readOnly = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD'],
  allowHeaders: ['If-None-Match'],
  exposeHeaders: ['ETag', 'Retry-After'],
  maxAge: 86_400,
});

/** CORS for a tRPC request only when every procedure it names (batches join them with `,`) is public. */
const publicQueries: MiddlewareHandler = async (c, next) => {
  const names = decodeURIComponent(c.req.path.slice('/trpc/'.length)).split(',');
  const method = c.req.method;
  const reading = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
  if (reading && names.every((name) => PUBLIC_QUERIES.has(name))) return readOnly(c, next);
  await next();
};

/** Mounts CORS on the hub's public reads; call before the routes. */
export function mountPublicCors(app: Hono): void {
  for (const path of PUBLIC_PATHS) app.use(path, readOnly);
  app.use('/trpc/*', publicQueries);
}
