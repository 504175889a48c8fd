import type { Handle, HandleServerError } from '@sveltejs/kit';
import { readSession } from '$lib/server/editor-auth.js';
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
  const response = await resolve(event);
  return withHeaders(
    editorsArea ? response : await withPublicCaching(event.request, response),
    editorsArea,
  );
};

function withHeaders(response: Response, editorsArea: boolean): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // SvelteKit sets its nonce-based policy on pages; keep it, and cover everything else.
  if (!response.headers.has('content-security-policy')) {
    response.headers.set('content-security-policy', FALLBACK_CSP);
  }
  if (editorsArea) response.headers.set('cache-control', 'no-store');
  return response;
}

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) console.error(`portal error ${status} on ${event.url.pathname}`, error);
  return { message: status === 404 ? 'Page not found' : message, code: String(status) };
};
