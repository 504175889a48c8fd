import type { MiddlewareHandler } from 'hono';

/** What a response that is not a page may do in a browser: nothing at all. */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";

const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

/** A year, with subdomains: the usual HSTS policy for a service that is only ever served over https. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The baseline every hub response carries, JSON, feeds and errors included: `nosniff`, no
 * referrer, a Permissions-Policy, and `default-src 'none'` unless a page set its own policy.
 * HSTS is sent when the configured public URL is https (behind a TLS-terminating proxy the
 * request itself may arrive over http). Authenticated requests are never stored by any cache.
 */
export function securityHeaders(options: { publicUrl: string | undefined }): MiddlewareHandler {
  const hsts = options.publicUrl?.startsWith('https://') ?? false;
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'no-referrer');
    headers.set('permissions-policy', PERMISSIONS_POLICY);
    if (!headers.has('content-security-policy'))
      headers.set('content-security-policy', NON_HTML_CSP);
    if (hsts) headers.set('strict-transport-security', HSTS);
    if (c.req.header('authorization') !== undefined) headers.set('cache-control', 'no-store');
  };
}
