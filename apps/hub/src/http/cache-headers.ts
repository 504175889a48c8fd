import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

/** Public answers change when a node syncs: a minute fresh, then served stale while refetched. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** tRPC paths of a request (`/trpc/a.b,c.d`), for telling admin calls apart. */
function trpcProcedures(path: string): string[] {
  return path.startsWith('/trpc/') ? path.slice('/trpc/'.length).split(',') : [];
}

function cacheable(c: Context): boolean {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return false;
  if (c.req.header('authorization') !== undefined || c.req.header('cookie') !== undefined)
    return false;
  if (c.req.path === '/healthz') return false;
  return !trpcProcedures(c.req.path).some((procedure) => procedure.startsWith('admin.'));
}

/**
 * Cache headers a CDN can use on the hub's public GETs: `Cache-Control` with a short max-age and
 * stale-while-revalidate, and a strong `ETag` of the body (a matching `If-None-Match` gets 304).
 * Never on a request carrying credentials or a cookie, on admin calls, on a response that sets a
 * cookie or already says how to cache it (`no-store` on status and Project 52 pages).
 */
export function publicCacheHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!cacheable(c) || c.res.status !== 200) return;
    if (c.res.headers.has('cache-control') || c.res.headers.has('set-cookie')) return;
    const body = Buffer.from(await c.res.clone().arrayBuffer());
    const etag =
      c.res.headers.get('etag') ??
      `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const headers = new Headers(c.res.headers);
    headers.set('cache-control', PUBLIC_CACHE_CONTROL);
    headers.set('etag', etag);
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
      headers.delete('content-length');
      headers.delete('content-type');
      c.res = new Response(null, { status: 304, headers });
      return;
    }
    c.res = new Response(body, { status: 200, headers });
  };
}
