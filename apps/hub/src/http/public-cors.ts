import type { Hono, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { hubRouter } from '../trpc/router.js';

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
  '/records/*',
  '/themes/*',
  '/partners/*',
  '/feed.json',
  '/rss.xml',
  '/atom.xml',
  '/bulletins/rss.xml',
  '/bulletins/atom.xml',
  '/bulletins/feed.json',
  '/adoptions/rss.xml',
  '/adoptions/atom.xml',
  '/adoptions/feed.json',
];

/**
 * tRPC queries anyone may call (`GET /trpc/<name>`): every query outside `admin.*`, read from the
 * router itself so a new public query is covered and a new admin one never is.
 */
// tRPC keeps `_def.procedures` flat, keyed by dotted path, though its type mirrors the nesting.
type FlatProcedures = Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } }>;
const PUBLIC_QUERIES: ReadonlySet<string> = new Set(
  Object.entries(hubRouter._def.procedures as unknown as FlatProcedures)
    .filter(([path, procedure]) => !path.startsWith('admin.') && procedure._def.type === 'query')
    .map(([path]) => path),
);

const readOnly = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD'],
  allowHeaders: ['If-None-Match', 'If-Modified-Since'],
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
