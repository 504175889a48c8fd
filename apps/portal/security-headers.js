/**
 * Headers every portal response carries, pages and static assets alike. Pages also get
 * SvelteKit's nonce-based Content-Security-Policy (vite.config.ts); anything else gets the
 * fallback policy, which allows nothing to run.
 */
export const SECURITY_HEADERS = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  // geolocation=(self): the finder's opt-in "Use my location" (rounded in the page); no frame may ask.
  'permissions-policy': 'camera=(), microphone=(), geolocation=(self), payment=(), usb=()',
});

export const FALLBACK_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sent when the portal's public origin (ORIGIN) is https: a year, subdomains included. */
export const HSTS = 'max-age=31536000; includeSubDomains';
