// The portal's HTTP server: the adapter-node handler behind a server that adds the security
// headers to every response, including static assets the handler serves before SvelteKit's hooks
// run. Production (server.js) and the demo both serve the portal through it.
import { createServer } from 'node:http';
import { createOverloadGuard, maxInFlightFrom } from './overload.js';
import { FALLBACK_CSP, HSTS, SECURITY_HEADERS } from './security-headers.js';

/**
 * @param {Promise<(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void>} handler
 *   the built handler; requests wait until it has loaded.
 * @param {{ maxInFlight?: number }} [options] renders at once before shedding
 *   (default: PROMISE_PORTAL_MAX_IN_FLIGHT, else 64)
 */
export function createPortalServer(handler, options = {}) {
  const guard = createOverloadGuard(
    options.maxInFlight ?? maxInFlightFrom(process.env.PROMISE_PORTAL_MAX_IN_FLIGHT),
  );
  return createServer(async (request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    response.setHeader('content-security-policy', FALLBACK_CSP);
    // ORIGIN is the portal's public origin: when it is https, browsers must never use http.
    if (process.env.ORIGIN?.startsWith('https://'))
      response.setHeader('strict-transport-security', HSTS);
    if (!guard.admit(request, response)) return;
    const handle = await handler;
    handle(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    });
  });
}
