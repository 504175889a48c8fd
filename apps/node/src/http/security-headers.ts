import type { MiddlewareHandler } from 'hono';
import type { NodeEnv } from './hono-env.js';

/** What a response that is not a page may do in a browser: nothing at all. */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";

const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** A year, with subdomains: the usual policy for a service only ever served over https. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The baseline on every node response — feed, JSON, errors and the workspace: `nosniff`, no
 * referrer, a Permissions-Policy, and `default-src 'none'` unless a page set its own policy.
 * HSTS when the configured public URL is https (a TLS-terminating proxy may forward over http).
 * Anything authenticated (`/api`, the session endpoint, any request with a token) is never
 * kept by a cache.
 */
export function securityHeaders(publicUrl: string | null): MiddlewareHandler<NodeEnv> {
  const hsts = publicUrl?.startsWith('https://') ?? false;
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'no-referrer');
    headers.set('permissions-policy', PERMISSIONS_POLICY);
    if (!headers.has('content-security-policy'))
      headers.set('content-security-policy', NON_HTML_CSP);
    if (hsts) headers.set('strict-transport-security', HSTS);
    const path = c.req.path;
    if (
      c.req.header('authorization') !== undefined ||
      path === '/api' ||
      path.startsWith('/api/') ||
      path.startsWith('/admin/session')
    )
      headers.set('cache-control', 'no-store');
  };
}
