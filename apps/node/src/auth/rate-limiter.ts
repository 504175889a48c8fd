import { createHash } from 'node:crypto';

/** Counts failures per key in fixed windows, remembering at most `maxKeys` keys. */
function failureWindows(options: { limit: number; windowMs: number; maxKeys?: number }) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    retryAfter(key: string, now: number): number {
      const window = windows.get(key);
      if (!window || window.resetAt <= now || window.count < options.limit) return 0;
      return Math.ceil((window.resetAt - now) / 1000);
    },
    record(key: string, now: number): void {
      const window = windows.get(key);
      if (window && window.resetAt > now) {
        window.count++;
        return;
      }
      if (windows.size >= maxKeys) {
        for (const [old, entry] of windows) if (entry.resetAt <= now) windows.delete(old);
        // Still full of live windows: forget the oldest rather than grow without bound.
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
      }
      windows.set(key, { count: 1, resetAt: now + options.windowMs });
    },
  };
}

/**
 * Limits failed authentication per source (the client's address) and per failing credential (the
 * token or session presented, kept only as a hash). Only failures are limited: a valid credential
 * is always accepted, so nobody can lock staff out by failing on purpose, even when every client
 * shares one address (a proxy the node does not trust). A failure over either limit is answered
 * 429 instead of 401.
 */
export function createFailureLimiter(options: { limit: number; windowMs: number }) {
  const sources = failureWindows(options);
  const credentials = failureWindows(options);
  const credentialKey = (credential: string) =>
    createHash('sha256').update(credential).digest('base64url');
  return {
    /**
     * Records a failed attempt from `source` presenting `credential` (if any) and answers how many
     * seconds that source or credential must wait, or 0 while both were under the limit before it.
     */
    recordFailure(source: string, credential?: string, now = Date.now()): number {
      const key = credential ? credentialKey(credential) : undefined;
      const wait = Math.max(
        sources.retryAfter(source, now),
        key ? credentials.retryAfter(key, now) : 0,
      );
      sources.record(source, now);
      if (key) credentials.record(key, now);
      return wait;
    },
  };
}

export type FailureLimiter = ReturnType<typeof createFailureLimiter>;
