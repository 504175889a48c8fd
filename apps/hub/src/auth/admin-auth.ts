import type { Context, MiddlewareHandler } from 'hono';
import type { HubContext } from '../context.js';
import { type AdminIdentity, authenticateToken } from './admin-tokens.js';

/** The token of an `Authorization: Bearer …` header; the scheme is case-insensitive (RFC 9110 §11.1). */
export function bearerToken(header: string | undefined): string | undefined {
  return /^bearer[ \t]+(\S{1,200})[ \t]*$/i.exec(header ?? '')?.[1];
}

const admins = new WeakMap<Request, AdminIdentity>();

/** The admin identity `adminAuth` found for this request, if any. */
export function adminOf(c: Context): AdminIdentity | undefined {
  return admins.get(c.req.raw);
}

/**
 * Checks the admin token a request presents. A valid token is always accepted; a failing one is
 * counted against its client and against itself, and once either has failed too often the
 * request is answered 429 with `Retry-After` (hub README, "Limits").
 */
export function adminAuth(ctx: HubContext): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) return next();
    const token = bearerToken(header);
    const admin = token ? await authenticateToken(ctx.db, token) : undefined;
    if (admin) {
      admins.set(c.req.raw, admin);
      return next();
    }
    const decision = ctx.limits.takeAuthFailure(ctx.limits.clientOf(c), token ?? header);
    if (!decision.allowed) {
      c.header('retry-after', String(decision.retryAfterSeconds));
      return c.json(
        {
          error: { code: 'TOO_MANY_AUTH_FAILURES', message: 'Too many failed sign-ins; try later' },
        },
        429,
      );
    }
    return next();
  };
}
