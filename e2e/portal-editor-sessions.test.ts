import { describe, expect, it } from 'vitest';
import {
  EditorSessions,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
} from '../apps/portal/src/lib/server/editor-sessions.js';

const MINUTE = 60_000;
const TOKEN = 'hub-admin-token-0123456789abcdef0123';

/** A session store on a clock the test moves by hand. */
function sessionsAt(start = Date.UTC(2027, 2, 1, 9)) {
  let now = start;
  const sessions = new EditorSessions(() => now);
  return { sessions, advance: (ms: number) => (now += ms) };
}

describe('portal editors’ sessions (server-side)', () => {
  it('gives the browser an opaque random id, never the hub token', () => {
    const { sessions } = sessionsAt();
    const id = sessions.open({ token: TOKEN, role: 'editor' });
    expect(id).toMatch(/^[\w-]{43}$/);
    expect(id).not.toContain(TOKEN.slice(0, 8));
    expect(Buffer.from(id, 'base64url').toString('latin1')).not.toContain(TOKEN.slice(0, 8));
    expect(sessions.find(id)).toMatchObject({ token: TOKEN, role: 'editor' });
    expect(sessions.open({ token: TOKEN, role: 'editor' })).not.toBe(id);
  });

  it('refuses an old cookie replayed after sign-out', () => {
    const { sessions } = sessionsAt();
    const id = sessions.open({ token: TOKEN, role: 'operator' });
    sessions.close(id);
    expect(sessions.find(id)).toBeNull();
  });

  it('ends after 30 idle minutes, and a replayed cookie stays refused', () => {
    const { sessions, advance } = sessionsAt();
    const id = sessions.open({ token: TOKEN, role: 'editor' });
    expect(SESSION_IDLE_MS).toBe(30 * MINUTE);
    advance(29 * MINUTE);
    expect(sessions.find(id)).not.toBeNull();
    advance(29 * MINUTE);
    expect(sessions.find(id), 'each use restarts the idle clock').not.toBeNull();
    advance(30 * MINUTE);
    expect(sessions.find(id)).toBeNull();
    advance(-10 * MINUTE);
    expect(sessions.find(id), 'an ended session is gone, not just expired').toBeNull();
  });

  it('ends 8 hours after sign-in however busy the editor is', () => {
    const { sessions, advance } = sessionsAt();
    const id = sessions.open({ token: TOKEN, role: 'editor' });
    expect(SESSION_MAX_MS).toBe(8 * 60 * MINUTE);
    for (let elapsed = 0; elapsed < SESSION_MAX_MS - 20 * MINUTE; elapsed += 20 * MINUTE) {
      advance(20 * MINUTE);
      expect(sessions.find(id)).not.toBeNull();
    }
    advance(20 * MINUTE);
    expect(sessions.find(id)).toBeNull();
  });

  it('rotates the id at sign-in: the session the browser had before ends', () => {
    const { sessions } = sessionsAt();
    const before = sessions.open({ token: TOKEN, role: 'editor' });
    const after = sessions.open({ token: TOKEN, role: 'operator' }, before);
    expect(after).not.toBe(before);
    expect(sessions.find(before)).toBeNull();
    expect(sessions.find(after)).toMatchObject({ role: 'operator' });
  });

  it('opens nothing for forged, altered or malformed ids', () => {
    const { sessions } = sessionsAt();
    const id = sessions.open({ token: TOKEN, role: 'editor' });
    const altered = `${id.slice(0, 20)}${id[20] === 'A' ? 'B' : 'A'}${id.slice(21)}`;
    for (const forged of [altered, '', 'x'.repeat(43), `${id}x`, id.slice(1), undefined])
      expect(sessions.find(forged)).toBeNull();
  });
});
