import type { Cookies } from '@sveltejs/kit';
import { getPortal } from './portal.js';
import { type EditorSession, SESSION_SECONDS } from './session.js';

export type TokenCheck =
  | { ok: true; role: EditorSession['role'] }
  | { ok: false; reason: 'refused' | 'unavailable' };

/**
 * Asks the hub what a token may do. The HubClient has no "who am I" call, so this reads
 * `admin.nodes.list` (a query with no effect): operators get it, editors are told "forbidden"
 * (so the token is valid), and anything else is refused.
 */
export async function checkAdminToken(token: string): Promise<TokenCheck> {
  try {
    const response = await fetch(`${getPortal().config.hubUrl}/trpc/admin.nodes.list`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.body?.cancel();
    if (response.ok) return { ok: true, role: 'operator' };
    if (response.status === 403) return { ok: true, role: 'editor' };
    if (response.status === 401) return { ok: false, reason: 'refused' };
    return { ok: false, reason: 'unavailable' };
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
}

/** The session cookie: HttpOnly, SameSite=Strict, Secure whenever the portal is served over https. */
export function sessionCookie(url: URL) {
  const secure = url.protocol === 'https:';
  return {
    name: secure ? '__Host-promise-editor' : 'promise-editor',
    options: { path: '/', httpOnly: true, sameSite: 'strict' as const, secure },
  };
}

export function startSession(
  cookies: Cookies,
  url: URL,
  token: string,
  role: EditorSession['role'],
) {
  const { name, options } = sessionCookie(url);
  const value = getPortal().sessions.seal({
    token,
    role,
    expiresAt: Date.now() + SESSION_SECONDS * 1000,
  });
  cookies.set(name, value, { ...options, maxAge: SESSION_SECONDS });
}

export function endSession(cookies: Cookies, url: URL) {
  const { name, options } = sessionCookie(url);
  cookies.delete(name, options);
}

export function readSession(cookies: Cookies, url: URL): EditorSession | null {
  return getPortal().sessions.open(cookies.get(sessionCookie(url).name));
}

/** Only same-site paths may follow sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next && /^\/editors(\/[\w/-]*)?$/.test(next) ? next : '/editors';
}
