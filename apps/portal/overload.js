// Overload shedding for the portal's server: beyond a bounded number of requests in flight the
// portal answers at once with 503, Retry-After and a calm plain page that still points to crisis
// help, instead of queueing readers towards a timeout. Static assets are cheap and never counted.

/** Requests rendered at once before the portal sheds (PROMISE_PORTAL_MAX_IN_FLIGHT). */
export const DEFAULT_MAX_IN_FLIGHT = 64;
/** Seconds a shed reader is asked to wait. */
export const SHED_RETRY_AFTER_SECONDS = 5;

const SHED_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Busy – PROMISE Network</title></head>
<body>
<h1>The PROMISE Network portal is busy</h1>
<p>Many people are reading at the moment. Please try again in a few seconds.</p>
<p><strong>If you or someone else is in danger now, call your local emergency number</strong>
(999 in the UK, 911 in the US). In the UK you can also call NHS 111 and choose the mental health option.</p>
</body>
</html>
`;

/** @param {string | undefined} value */
export function maxInFlightFrom(value) {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_MAX_IN_FLIGHT;
}

/**
 * Counts renders in flight; `admit` says whether a request may go on (and counts it until its
 * response closes) or answers it with the shed page.
 * @param {number} maxInFlight
 */
export function createOverloadGuard(maxInFlight) {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    /**
     * @param {import('node:http').IncomingMessage} request
     * @param {import('node:http').ServerResponse} response
     * @returns {boolean} false when the request was shed (already answered)
     */
    admit(request, response) {
      if (request.url?.startsWith('/_app/')) return true;
      if (inFlight >= maxInFlight) {
        response.statusCode = 503;
        response.setHeader('retry-after', String(SHED_RETRY_AFTER_SECONDS));
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.setHeader('cache-control', 'no-store');
        response.end(request.method === 'HEAD' ? undefined : SHED_PAGE);
        return false;
      }
      inFlight++;
      response.once('close', () => {
        inFlight--;
      });
      return true;
    },
  };
}
