import { call, setCsrfToken } from './api.js';

export interface Session {
  tokenName: string;
  role: 'editor' | 'admin';
  csrfToken: string;
  expiresAt: string;
  idleExpiresAt: string;
}

/** The signed-in session, `null` when signed out, `undefined` while it is being checked. */
export const auth = $state<{ session: Session | null | undefined; notice: string | null }>({
  session: undefined,
  notice: null,
});

function keep(session: Session | null): void {
  auth.session = session;
  setCsrfToken(session?.csrfToken ?? null);
}

/** Reads the current session (after a reload the CSRF token comes from here). */
export async function restoreSession(): Promise<void> {
  try {
    keep(await call<Session>('GET', '/admin/session'));
  } catch {
    keep(null);
  }
}

export async function signIn(token: string): Promise<void> {
  keep(await call<Session>('POST', '/admin/session', { body: { token } }));
  auth.notice = null;
}

export async function signOut(): Promise<void> {
  try {
    await call('DELETE', '/admin/session');
  } finally {
    keep(null);
    auth.notice = 'You have signed out.';
  }
}

/** The node ended the session (it expired or its token was revoked). */
export function sessionEnded(): void {
  if (auth.session) auth.notice = 'Your session has ended. Sign in again to carry on.';
  keep(null);
}
