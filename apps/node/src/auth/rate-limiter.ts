/**
 * Counts authentication failures per client in fixed windows. Once a client reaches `limit`
 * failures, it is refused until its window ends, whatever it presents.
 */
export function createFailureLimiter(options: { limit: number; windowMs: number }) {
  const windows = new Map<string, { count: number; resetAt: number }>();

  function sweep(now: number) {
    if (windows.size < 10_000) return;
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  }

  return {
    /** Seconds until `client` may try again, or 0 when it is not blocked. */
    retryAfter(client: string, now = Date.now()): number {
      const window = windows.get(client);
      if (!window || window.resetAt <= now || window.count < options.limit) return 0;
      return Math.ceil((window.resetAt - now) / 1000);
    },
    recordFailure(client: string, now = Date.now()): void {
      sweep(now);
      const window = windows.get(client);
      if (!window || window.resetAt <= now) {
        windows.set(client, { count: 1, resetAt: now + options.windowMs });
      } else {
        window.count++;
      }
    },
  };
}

export type FailureLimiter = ReturnType<typeof createFailureLimiter>;
