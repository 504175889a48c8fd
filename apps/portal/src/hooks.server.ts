import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { signatureCheckOrigins, withConnectSources } from '#lib/server/connect-sources.js';
import { readSession } from '#lib/server/editor-auth.js';
import { getPortal } from '#lib/server/portal.js';
import { FALLBACK_CSP, SECURITY_HEADERS } from '../security-headers.js';
import { withPublicCaching } from './cache-headers.js';

const EDITORS = /^\/editors(\/|$)/;
const SIGN_IN = '/editors/sign-in';

export const handle: Handle = async ({ event, resolve }) => {
  const editorsArea = EDITORS.test(event.url.pathname);
  event.locals.editor = editorsArea ? readSession(event.cookies, event.url) : null;
  // Every editors' page and action needs a session, except signing in itself.
  // (Client-side data requests are redirected by the editors' layout load, in SvelteKit's format.)
  if (
    editorsArea &&
    event.locals.editor === null &&
    event.url.pathname !== SIGN_IN &&
    !event.isDataRequest
  ) {
    const next = event.request.method === 'GET' ? event.url.pathname : '/editors';
    const location = `${SIGN_IN}?next=${encodeURIComponent(next)}`;
    // An enhanced form (fetch) reads an action result; a plain request follows a 303.
    const response =
      event.request.headers.get('x-sveltekit-action') === 'true'
        ? Response.json({ type: 'redirect', status: 303, location })
        : new Response(null, { status: 303, headers: { location } });
    return withHeaders(response, true);
  }
  const personal = editorsArea || !['GET', 'HEAD'].includes(event.request.method);
  // Listed while the page renders: a slow hub delays the page once, not twice.
  const origins = editorsArea ? null : signatureCheckOrigins();
  const response = await resolve(event);
  if (origins !== null) allowSignatureChecks(response, await origins);
  // An editor's decision changes what readers see: they see it at once, not after the cache's 30 s.
  if (editorsArea && event.request.method === 'POST') getPortal().sharedReads.clear();
  return withHeaders(
    personal ? response : await withPublicCaching(event.request, response),
    personal,
  );
};

/** A reader's page may check a record's signature itself: let it reach the hub and the nodes. */
function allowSignatureChecks(response: Response, origins: readonly string[]): void {
  const policy = response.headers.get('content-security-policy');
  if (policy === null || !response.headers.get('content-type')?.startsWith('text/html')) return;
  response.headers.set('content-security-policy', withConnectSources(policy, origins));
}

/** `personal`: an editor's page, or the answer to a form a reader sent: no cache may keep it. */
function withHeaders(response: Response, personal: boolean): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // SvelteKit sets its hash-based policy on pages; keep it, and cover everything else.
  if (!response.headers.has('content-security-policy')) {
    response.headers.set('content-security-policy', FALLBACK_CSP);
  }
  if (response.headers.get('content-type') === 'text/html') {
    response.headers.set('content-type', 'text/html; charset=utf-8');
  }
  if (personal || response.headers.has('set-cookie'))
    response.headers.set('cache-control', 'no-store');
  return response;
}

// App errors (thrown with `error(...)`) already carry their message and code.
export const handleError: HandleServerError = ({ kind, error, event }) => {
  if (kind === 'framework') {
    const notFound = error.status === 404;
    return { message: notFound ? 'Page not found' : error.message, code: String(error.status) };
  }
  if (kind === 'unknown') {
    console.error(`portal error 500 on ${event.url.pathname}`, error);
    return { message: 'Internal Error', code: '500' };
  }
};
