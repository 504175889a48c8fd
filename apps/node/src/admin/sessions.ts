import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { hashToken, type Role } from '../auth/tokens.js';
import type { Queryable } from '../db/database.js';
import { adminSessions, apiTokens } from '../db/schema.js';

/** How long a session lives: since it was last used, and at most since it was opened. */
export interface SessionLifetime {
  idleMs: number;
  maxMs: number;
}

/** A live session as the workspace sees it: never the cookie's id. */
export interface SessionInfo {
  tokenId: string;
  tokenName: string;
  role: Role;
  csrfToken: string;
  expiresAt: string;
  idleExpiresAt: string;
  lastSeenAt: string;
}

/** Seen-at is rewritten at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

/** Opens a session for a token: returns the cookie's secret id (shown once) and the session. */
export async function openSession(
  db: Queryable,
  token: { id: string; name: string; role: Role },
  lifetime: SessionLifetime,
  now = new Date(),
): Promise<{ id: string; session: SessionInfo }> {
  await db.delete(adminSessions).where(lt(adminSessions.expiresAt, now.toISOString()));
  const id = randomBytes(32).toString('base64url');
  const row = {
    idHash: hashToken(id),
    tokenId: token.id,
    csrfToken: hashToken(csrfTokenOf(id)),
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + lifetime.maxMs).toISOString(),
  };
  await db.insert(adminSessions).values(row);
  return {
    id,
    session: describe(id, row, { name: token.name, role: token.role }, lifetime),
  };
}

/**
 * The live session a cookie id belongs to, or `undefined` when it is unknown, expired (idle or
 * absolute) or its token was revoked. Expired sessions are deleted when found.
 */
export async function findSession(
  db: Queryable,
  id: string,
  lifetime: SessionLifetime,
  now = new Date(),
): Promise<SessionInfo | undefined> {
  if (id.length < 20 || id.length > 100) return undefined;
  const idHash = hashToken(id);
  const [found] = await db
    .select({ session: adminSessions, name: apiTokens.name, role: apiTokens.role })
    .from(adminSessions)
    .innerJoin(apiTokens, and(eq(apiTokens.id, adminSessions.tokenId), isNull(apiTokens.revokedAt)))
    .where(eq(adminSessions.idHash, idHash))
    .limit(1);
  if (!found) return undefined;
  const { session } = found;
  const idleEnds = Date.parse(session.lastSeenAt) + lifetime.idleMs;
  if (Date.parse(session.expiresAt) <= now.getTime() || idleEnds <= now.getTime()) {
    await db.delete(adminSessions).where(eq(adminSessions.idHash, idHash));
    return undefined;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
    session.lastSeenAt = now.toISOString();
    await db
      .update(adminSessions)
      .set({ lastSeenAt: session.lastSeenAt })
      .where(eq(adminSessions.idHash, idHash));
  }
  return describe(id, session, found, lifetime);
}

/** Ends a session (sign out); unknown ids are ignored. */
export async function closeSession(db: Queryable, id: string): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.idHash, hashToken(id)));
}

/** Compares a presented CSRF token with the session's in constant time. */
export function csrfMatches(session: SessionInfo, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(presented);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * The session's CSRF token, derived from the cookie's secret id: the database keeps only its hash
 * (like the id's), so a copy of the database yields neither a session nor its CSRF token.
 */
function csrfTokenOf(sessionId: string): string {
  return createHmac('sha256', sessionId).update('promise-node-csrf-v1').digest('base64url');
}

function describe(
  sessionId: string,
  row: typeof adminSessions.$inferSelect,
  token: { name: string; role: Role },
  lifetime: SessionLifetime,
): SessionInfo {
  const idleEnds = Date.parse(row.lastSeenAt) + lifetime.idleMs;
  return {
    tokenId: row.tokenId,
    tokenName: token.name,
    role: token.role,
    csrfToken: csrfTokenOf(sessionId),
    expiresAt: row.expiresAt,
    idleExpiresAt: new Date(Math.min(idleEnds, Date.parse(row.expiresAt))).toISOString(),
    lastSeenAt: row.lastSeenAt,
  };
}
