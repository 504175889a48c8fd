import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';

/** Over https the `__Host-` prefix pins the cookie to this origin, Secure, Path=/. */
const SECURE_NAME = '__Host-promise_session';
const PLAIN_NAME = 'promise_session';

/** The node's own origin, as browsers see it (its public URL). */
export function nodeOrigin(ctx: NodeContext): string {
  return new URL(ctx.signer.iss()).origin;
}

function isSecure(ctx: NodeContext): boolean {
  return nodeOrigin(ctx).startsWith('https:');
}

export function readSessionId(c: Context, ctx: NodeContext): string | undefined {
  return getCookie(c, isSecure(ctx) ? SECURE_NAME : PLAIN_NAME) || undefined;
}

export function writeSessionCookie(
  c: Context,
  ctx: NodeContext,
  id: string,
  maxAgeSeconds: number,
) {
  const secure = isSecure(ctx);
  setCookie(c, secure ? SECURE_NAME : PLAIN_NAME, id, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context, ctx: NodeContext) {
  const secure = isSecure(ctx);
  deleteCookie(c, secure ? SECURE_NAME : PLAIN_NAME, { path: '/', secure });
}

/**
 * Refuses a request a browser marks as coming from another origin: `Sec-Fetch-Site` must be
 * `same-origin` and `Origin` must be the node's, when the browser sends them. Another port on
 * the same host is the same *site*, so SameSite cookies alone would not stop it.
 */
export function requireSameOrigin(c: Context, ctx: NodeContext): void {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  const crossSite = site !== undefined && site !== 'same-origin';
  const otherOrigin = origin !== undefined && origin !== nodeOrigin(ctx);
  if (crossSite || otherOrigin) {
    throw new NodeError(
      403,
      'CROSS_SITE_REQUEST',
      'This request came from another site and was refused',
    );
  }
}
