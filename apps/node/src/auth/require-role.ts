import type { Context, MiddlewareHandler } from 'hono';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';
import type { NodeEnv } from '../http/hono-env.js';
import { findToken, type Role } from './tokens.js';

/**
 * Requires a live API token (`Authorization: Bearer …`) with at least `role`: no or a bad
 * token is 401, too small a role is 403, and a client with too many recent failures is 429.
 */
export function requireRole(ctx: NodeContext, role: Role): MiddlewareHandler<NodeEnv> {
  return async (c, next) => {
    const known = c.get('caller');
    if (known && (role === 'editor' || known.role === 'admin')) return next();
    const client = clientAddress(c, ctx.config.trustProxy);
    const wait = ctx.authFailures.retryAfter(client);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new NodeError(429, 'TOO_MANY_AUTH_FAILURES', 'Too many failed sign-ins; try later');
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const caller = match?.[1]
      ? await ctx.database.read((db) => findToken(db, match[1] ?? ''))
      : undefined;
    if (!caller) {
      ctx.authFailures.recordFailure(client);
      c.header('WWW-Authenticate', 'Bearer realm="promise-node"');
      throw new NodeError(401, 'UNAUTHENTICATED', 'A valid API token is required');
    }
    if (role === 'admin' && caller.role !== 'admin') {
      throw new NodeError(403, 'FORBIDDEN', 'This needs an admin token');
    }
    c.set('caller', { tokenId: caller.id, role: caller.role });
    await next();
  };
}

function clientAddress(c: Context<NodeEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket.remoteAddress ?? 'local';
}
