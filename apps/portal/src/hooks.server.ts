import type { Handle, HandleServerError } from '@sveltejs/kit';
import { FALLBACK_CSP, SECURITY_HEADERS } from '../security-headers.js';

export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // SvelteKit sets its nonce-based policy on pages; keep it, and cover everything else.
  if (!response.headers.has('content-security-policy')) {
    response.headers.set('content-security-policy', FALLBACK_CSP);
  }
  return response;
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) console.error(`portal error ${status} on ${event.url.pathname}`, error);
  return { message: status === 404 ? 'Page not found' : message, code: String(status) };
};
