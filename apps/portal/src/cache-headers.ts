/** Public pages change when the hub syncs: a minute fresh, then served stale while refetched. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/**
 * Cache headers a CDN can use on a public GET: `Cache-Control` with a short max-age and
 * stale-while-revalidate, and an `ETag` of the body (a matching `If-None-Match` gets 304). Left
 * alone: other methods and statuses, requests carrying a cookie or credentials, responses that set
 * a cookie or already say how to cache them (the status page's `no-store`). Pages use a hash-based
 * CSP (vite.config.ts), so a cached page carries no per-request nonce. The editors' area never
 * comes here (hooks.server.ts marks it `no-store`).
 */
export async function withPublicCaching(request: Request, response: Response): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return response;
  if (request.headers.has('cookie') || request.headers.has('authorization')) return response;
  if (response.status !== 200 || !response.body) return response;
  if (response.headers.has('cache-control') || response.headers.has('set-cookie')) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  const etag = `"${Buffer.from(digest).toString('base64url').slice(0, 27)}"`;
  const headers = new Headers(response.headers);
  headers.set('cache-control', PUBLIC_CACHE_CONTROL);
  headers.set('etag', etag);
  const match = request.headers.get('if-none-match');
  if (match?.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) {
    headers.delete('content-length');
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers });
}
