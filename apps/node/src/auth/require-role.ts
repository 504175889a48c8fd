import type { Context, MiddlewareHandler } from 'hono';
import { authenticateSession } from '../admin/session-auth.js';
import { readSessionId } from '../admin/session-cookie.js';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';
import type { Caller, NodeEnv } from '../http/hono-env.js';
import type { AuthFailureReason } from '../metrics/node-metrics.js';
import { findToken, type Role } from './tokens.js';

/**
 * Requires a live API token (`Authorization: Bearer …`, the scheme in any case) with at least
 * `role`: no or a bad token is 401 (429 once its source or the token itself has failed too often;
 * a valid token is never refused for others' failures), too small a role is 403.
 * Without an `Authorization` header, a staff workspace session cookie is accepted together with
 * its CSRF token from the node's own origin (see `authenticateSession`).
 */
export function requireRole(ctx: NodeContext, role: Role): MiddlewareHandler<NodeEnv> {
  return async (c, next) => {
    const known = c.get('caller');
    if (known && (role === 'editor' || known.role === 'admin')) return next();
    const authorization = c.req.header('authorization');
    const sessionId = authorization === undefined ? readSessionId(c, ctx) : undefined;
    const caller = sessionId
      ? await authenticateSession(c, ctx, sessionId)
      : await bearerCaller(ctx, authorization);
    if (!caller) {
      const reason = sessionId
        ? 'session_invalid'
        : authorization === undefined
          ? 'credential_missing'
          : 'token_invalid';
      refuseRepeatedFailure(c, ctx, sessionId ?? authorization, reason);
      c.header('WWW-Authenticate', 'Bearer realm="promise-node"');
      throw new NodeError(401, 'UNAUTHENTICATED', 'A valid API token is required');
    }
    if (role === 'admin' && caller.role !== 'admin') {
      ctx.metrics.authFailures.inc({ reason: 'role_insufficient' });
      throw new NodeError(403, 'FORBIDDEN', 'This needs an admin token');
    }
    c.set('caller', caller);
    await next();
  };
}

async function bearerCaller(
  ctx: NodeContext,
  authorization: string | undefined,
): Promise<Caller | undefined> {
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!secret) return undefined;
  const token = await ctx.database.read((db) => findToken(db, secret));
  return token && { tokenId: token.id, role: token.role };
}

/**
 * Counts a failed authentication against its source and its credential (and in the metrics, by
 * `reason`); throws 429 with `Retry-After` once either has failed too often (the caller answers
 * 401 otherwise).
 */
export function refuseRepeatedFailure(
  c: Context<NodeEnv>,
  ctx: NodeContext,
  credential: string | undefined,
  reason: AuthFailureReason,
): void {
  ctx.metrics.authFailures.inc({ reason });
  const wait = ctx.authFailures.recordFailure(clientAddress(c, ctx.config.trustProxy), credential);
  if (wait > 0) {
    c.header('Retry-After', String(wait));
    throw new NodeError(429, 'TOO_MANY_AUTH_FAILURES', 'Too many failed sign-ins; try later');
  }
}

/** The client a failure is counted against: its address (or the proxy's `X-Forwarded-For`). */
export function clientAddress(c: Context<NodeEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw; entries before it are whatever the client sent.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket.remoteAddress ?? 'local';
}
