import { createHash, randomBytes } from 'node:crypto';

/** Who a session acts as: the hub admin token it was opened with, and that token's role. */
export interface EditorSession {
  token: string;
  role: 'operator' | 'editor';
}

/** A live session as pages see it. */
export interface LiveSession extends EditorSession {
  /** When it ends unless used again (idle), never later than its absolute end. */
  expiresAt: number;
}

interface StoredSession extends EditorSession {
  createdAt: number;
  lastSeenAt: number;
}

/** Ends after 30 minutes without a request, and 8 hours after sign-in whatever happens. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 8 * 60 * 60_000;

/** Far more editors than any network has; past it, the oldest sessions end first. */
const MAX_SESSIONS = 10_000;

const ID = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (id: string) => createHash('sha256').update(id).digest('base64url');

/**
 * The editors' sessions, kept on the server: the browser's cookie holds only a random id (never
 * the hub token), so signing out, an idle half hour or the end of the working day ends a session
 * for good, and a copied cookie opens nothing afterwards. Kept in this process's memory by their
 * ids' hashes; a restart signs every editor out.
 */
export class EditorSessions {
  private readonly sessions = new Map<string, StoredSession>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Opens a session and returns the cookie's id; `previousId`'s session ends (rotation at sign-in). */
  open(session: EditorSession, previousId?: string): string {
    if (previousId !== undefined) this.close(previousId);
    this.sweep();
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    this.sessions.set(hashOf(id), {
      token: session.token,
      role: session.role,
      createdAt: now,
      lastSeenAt: now,
    });
    return id;
  }

  /** The live session a cookie id names, or null (unknown, ended, idle too long, too old); counts as use. */
  find(id: string | undefined): LiveSession | null {
    if (id === undefined || !ID.test(id)) return null;
    const key = hashOf(id);
    const stored = this.sessions.get(key);
    if (stored === undefined) return null;
    const now = this.now();
    if (this.ended(stored, now)) {
      this.sessions.delete(key);
      return null;
    }
    stored.lastSeenAt = now;
    return {
      token: stored.token,
      role: stored.role,
      expiresAt: Math.min(now + SESSION_IDLE_MS, stored.createdAt + SESSION_MAX_MS),
    };
  }

  /** Ends a session (sign-out); an unknown id changes nothing. */
  close(id: string): void {
    if (ID.test(id)) this.sessions.delete(hashOf(id));
  }

  private ended(session: StoredSession, now: number): boolean {
    return now - session.lastSeenAt >= SESSION_IDLE_MS || now - session.createdAt >= SESSION_MAX_MS;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, session] of this.sessions)
      if (this.ended(session, now)) this.sessions.delete(key);
    // Maps keep insertion order: the first entries are the oldest sessions.
    for (const key of this.sessions.keys()) {
      if (this.sessions.size < MAX_SESSIONS) break;
      this.sessions.delete(key);
    }
  }
}
