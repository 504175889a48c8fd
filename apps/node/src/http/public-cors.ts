import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { NodeEnv } from './hono-env.js';

/**
 * The node's public reads — its signed feed, keys, descriptor, health and API description — may
 * be fetched from any origin, so a web page elsewhere can verify the feed itself. The authoring
 * API (`/api/*`) and the staff workspace (`/admin`) never get CORS headers.
 */
const PUBLIC_PATHS = ['/feed', '/.well-known/*', '/openapi.json', '/healthz', '/readyz'];

const readOnly = cors({
  origin: '*',
  allowMethods: ['GET', 'HEAD'],
  // A verifier polling the feed sends If-None-Match, which needs a preflight.
  allowHeaders: ['If-None-Match'],
  exposeHeaders: ['ETag', 'Retry-After'],
  maxAge: 86_400,
});

/** Mounts CORS on the node's public reads; call before the routes. */
export function mountPublicCors(app: Hono<NodeEnv>): void {
  for (const path of PUBLIC_PATHS) app.use(path, readOnly);
}
