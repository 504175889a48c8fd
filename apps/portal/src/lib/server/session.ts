import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** What the editors' session cookie holds: the hub admin token, its role and when it ends. */
export interface EditorSession {
  token: string;
  role: 'operator' | 'editor';
  expiresAt: number;
}

const SessionPayload = z.object({
  token: z.string().min(1).max(512),
  role: z.enum(['operator', 'editor']),
  expiresAt: z.number().int(),
});

/** Sessions last a working day; signing in again is cheap. */
export const SESSION_SECONDS = 8 * 60 * 60;

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals sessions into cookie values with AES-256-GCM (confidential and tamper-evident), so the
 * token never reaches the browser in readable form and the portal keeps no session store.
 */
export class SessionSealer {
  private readonly key: Buffer;

  /** `secret` absent: a random key, so sessions end when the process restarts. */
  constructor(secret: string | undefined) {
    this.key =
      secret === undefined
        ? randomBytes(32)
        : createHash('sha256').update(`promise-portal-session:${secret}`).digest();
  }

  seal(session: EditorSession): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(session), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The session in a cookie value, or null when it is missing, forged, garbled or expired. */
  open(value: string | undefined, now = Date.now()): EditorSession | null {
    if (!value || value.length > 2048) return null;
    const raw = Buffer.from(value, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const text = Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      const parsed = SessionPayload.safeParse(JSON.parse(text));
      if (!parsed.success || parsed.data.expiresAt <= now) return null;
      return parsed.data;
    } catch {
      return null;
    }
  }
}
