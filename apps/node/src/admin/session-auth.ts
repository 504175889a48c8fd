import type { Context } from 'hono';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';
import type { Caller, NodeEnv } from '../http/hono-env.js';
import { requireSameOrigin } from './session-cookie.js';
import { csrfMatches, findSession, type SessionLifetime } from './sessions.js';

export const CSRF_HEADER = 'x-csrf-token';

export function sessionLifetime(ctx: NodeContext): SessionLifetime {
  return {
    idleMs: ctx.config.sessionIdleMinutes * 60_000,
    maxMs: ctx.config.sessionMaxHours * 3_600_000,
  };
}

/**
 * Authenticates an `/api` request by its workspace session cookie. A cookie alone is never
 * enough: the request must come from the node's own origin and carry the session's CSRF token
 * (synchronizer token) in `X-CSRF-Token`, which another site cannot read or send.
 */
export async function authenticateSession(
  c: Context<NodeEnv>,
  ctx: NodeContext,
  sessionId: string,
): Promise<Caller | undefined> {
  requireSameOrigin(c, ctx);
  const session = await ctx.database.read((db) => findSession(db, sessionId, sessionLifetime(ctx)));
  if (!session) return undefined;
  if (!csrfMatches(session, c.req.header(CSRF_HEADER))) {
    ctx.metrics.authFailures.inc({ reason: 'csrf_token_invalid' });
    throw new NodeError(
      403,
      'CSRF_TOKEN_INVALID',
      'The request is missing the workspace security token; reload the page and try again',
    );
  }
  return { tokenId: session.tokenId, role: session.role };
}
