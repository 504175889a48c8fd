import type { Cookies } from '@sveltejs/kit';
import { type EditorSession, type LiveSession, SESSION_MAX_MS } from './editor-sessions.js';
import { getPortal } from './portal.js';

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

/** Opens a server-side session with a new id, ending the one the browser had (rotation). */
export function startSession(
  cookies: Cookies,
  url: URL,
  token: string,
  role: EditorSession['role'],
) {
  const { name, options } = sessionCookie(url);
  const id = getPortal().sessions.open({ token, role }, cookies.get(name));
  cookies.set(name, id, { ...options, maxAge: SESSION_MAX_MS / 1000 });
}

/** Ends the session on the server, then forgets the cookie. */
export function endSession(cookies: Cookies, url: URL) {
  const { name, options } = sessionCookie(url);
  const id = cookies.get(name);
  if (id !== undefined) getPortal().sessions.close(id);
  cookies.delete(name, options);
}

export function readSession(cookies: Cookies, url: URL): LiveSession | null {
  return getPortal().sessions.find(cookies.get(sessionCookie(url).name));
}

/** Only same-site paths may follow sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next && /^\/editors(\/[\w/-]*)?$/.test(next) ? next : '/editors';
}
