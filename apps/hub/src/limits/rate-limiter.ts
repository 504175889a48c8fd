/** At most `limit` in a burst, refilling continuously at `limit` per `windowSeconds` (a token bucket). */
export interface LimitRule {
  limit: number;
  windowSeconds: number;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Every rule must have a token for a request to pass; a refused request takes none. */
  rules: readonly LimitRule[];
  /** Keys remembered at most; beyond it stale keys go first, then the least recently seen. */
  maxKeys: number;
  /** Milliseconds now (injected in tests). */
  now?: () => number;
}

interface Bucket {
  tokens: number[];
  at: number;
}

/**
 * Token buckets per key (a client address, a hashed email address) in bounded memory: the map is
 * kept in least-recently-seen order, a key whose buckets would all be full again is dropped as
 * stale, and when `maxKeys` is reached the least recently seen key is forgotten (it starts afresh:
 * the price of a memory bound, counted in `evictions`).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rates: number[];
  private readonly staleAfterMs: number;
  private readonly now: () => number;
  /** Keys forgotten before they were stale because the map was full. */
  evictions = 0;

  constructor(private readonly options: RateLimiterOptions) {
    if (options.rules.length === 0) throw new RangeError('a rate limiter needs at least one rule');
    this.rates = options.rules.map((rule) => rule.limit / (rule.windowSeconds * 1000));
    this.staleAfterMs = Math.max(...options.rules.map((rule) => rule.windowSeconds * 1000));
    this.now = options.now ?? Date.now;
  }

  /** Keys currently remembered. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token from each of `key`'s buckets, or none and says when to come back. */
  take(key: string): LimitDecision {
    const now = this.now();
    const { rules } = this.options;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      this.makeRoom(now);
      bucket = { tokens: rules.map((rule) => rule.limit), at: now };
    } else {
      this.buckets.delete(key);
      const elapsed = Math.max(0, now - bucket.at);
      bucket.tokens = bucket.tokens.map((tokens, i) =>
        Math.min(rules[i]?.limit ?? 0, tokens + elapsed * (this.rates[i] ?? 0)),
      );
      bucket.at = now;
    }
    this.buckets.set(key, bucket);
    let waitMs = 0;
    bucket.tokens.forEach((tokens, i) => {
      if (tokens < 1) waitMs = Math.max(waitMs, (1 - tokens) / (this.rates[i] ?? 1));
    });
    if (waitMs > 0)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    bucket.tokens = bucket.tokens.map((tokens) => tokens - 1);
    return { allowed: true };
  }

  /** Drops stale keys from the least recently seen end, then evicts while the map is full. */
  private makeRoom(now: number): void {
    if (this.buckets.size < this.options.maxKeys) return;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at < this.staleAfterMs) break;
      this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.options.maxKeys) break;
      this.buckets.delete(key);
      this.evictions++;
    }
  }
}
