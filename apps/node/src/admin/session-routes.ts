import { Hono } from 'hono';
import { z } from 'zod';
import { isJsonType } from '../api/validation.js';
import { refuseRepeatedFailure } from '../auth/require-role.js';
import { findToken } from '../auth/tokens.js';
import type { NodeContext } from '../context.js';
import { NodeError } from '../errors.js';
import type { NodeEnv } from '../http/hono-env.js';
import { CSRF_HEADER, sessionLifetime } from './session-auth.js';
import {
  clearSessionCookie,
  readSessionId,
  requireSameOrigin,
  writeSessionCookie,
} from './session-cookie.js';
import {
  closeSession,
  csrfMatches,
  findSession,
  openSession,
  type SessionInfo,
} from './sessions.js';

const SignInBody = z.object({ token: z.string().min(1).max(200) });

/** What the workspace learns about its session: who it acts as, its CSRF token, when it ends. */
function sessionView(session: SessionInfo) {
  const { tokenId: _tokenId, lastSeenAt: _lastSeenAt, ...view } = session;
  return view;
}

/**
 * `/admin/session`: sign in by exchanging an API token for a session cookie (POST), read the
 * session's CSRF token after a reload (GET), and sign out (DELETE).
 */
export function sessionRoutes(ctx: NodeContext) {
  const lifetime = sessionLifetime(ctx);
  return new Hono<NodeEnv>()
    .use(async (c, next) => {
      c.header('Cache-Control', 'no-store');
      requireSameOrigin(c, ctx);
      await next();
    })
    .post('/', async (c) => {
      if (!isJsonType(c.req.header('content-type'))) {
        throw new NodeError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the token as JSON');
      }
      const body = SignInBody.safeParse(await c.req.json().catch(() => null));
      const token = body.success
        ? await ctx.database.read((db) => findToken(db, body.data.token.trim()))
        : undefined;
      if (!token) {
        refuseRepeatedFailure(
          c,
          ctx,
          body.success ? body.data.token.trim() : undefined,
          'sign_in_failed',
        );
        throw new NodeError(
          401,
          'SIGN_IN_FAILED',
          'That token was not recognised. Check it, or ask your node administrator for a new one.',
        );
      }
      const opened = await ctx.database.write((tx) => openSession(tx, token, lifetime));
      writeSessionCookie(c, ctx, opened.id, Math.floor(lifetime.maxMs / 1000));
      return c.json(sessionView(opened.session), 201);
    })
    .get('/', async (c) => {
      const id = readSessionId(c, ctx);
      const session = id && (await ctx.database.read((db) => findSession(db, id, lifetime)));
      if (!session) {
        if (id) clearSessionCookie(c, ctx);
        throw new NodeError(401, 'NO_SESSION', 'You are not signed in');
      }
      return c.json(sessionView(session));
    })
    .delete('/', async (c) => {
      const id = readSessionId(c, ctx);
      if (id) {
        const session = await ctx.database.read((db) => findSession(db, id, lifetime));
        if (session && !csrfMatches(session, c.req.header(CSRF_HEADER))) {
          throw new NodeError(403, 'CSRF_TOKEN_INVALID', 'The sign-out request was refused');
        }
        await ctx.database.write((tx) => closeSession(tx, id));
      }
      clearSessionCookie(c, ctx);
      return c.body(null, 204);
    });
}
