import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('RateLimiter', () => {
  it('allows a burst of the limit, then refuses with the seconds until one token is back', () => {
    const time = clock();
    const limiter = new RateLimiter({
      rules: [{ limit: 3, windowSeconds: 60 }],
      maxKeys: 10,
      now: time.now,
    });
    for (let i = 0; i < 3; i++) expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    time.advance(19_000);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    time.advance(1_000);
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('refills continuously but never above the limit', () => {
    const time = clock();
    const limiter = new RateLimiter({
      rules: [{ limit: 2, windowSeconds: 10 }],
      maxKeys: 10,
      now: time.now,
    });
    limiter.take('a');
    limiter.take('a');
    time.advance(3_600_000);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('keeps keys apart', () => {
    const limiter = new RateLimiter({
      rules: [{ limit: 1, windowSeconds: 60 }],
      maxKeys: 10,
      now: clock().now,
    });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('needs a token from every rule, and a refused request takes none', () => {
    const time = clock();
    const limiter = new RateLimiter({
      rules: [
        { limit: 1, windowSeconds: 600 },
        { limit: 2, windowSeconds: 86_400 },
      ],
      maxKeys: 10,
      now: time.now,
    });
    expect(limiter.take('mail').allowed).toBe(true);
    expect(limiter.take('mail')).toEqual({ allowed: false, retryAfterSeconds: 600 });
    time.advance(600_000);
    expect(limiter.take('mail').allowed).toBe(true);
    time.advance(600_000);
    // The short rule has a token again, the daily one is spent: wait for the daily refill.
    const refused = limiter.take('mail');
    expect(refused.allowed).toBe(false);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(600);
    time.advance(43_200_000);
    expect(limiter.take('mail').allowed).toBe(true);
  });

  it('never remembers more than maxKeys, dropping stale keys before live ones', () => {
    const time = clock();
    const limiter = new RateLimiter({
      rules: [{ limit: 1, windowSeconds: 60 }],
      maxKeys: 3,
      now: time.now,
    });
    limiter.take('old');
    time.advance(61_000);
    limiter.take('b');
    limiter.take('c');
    limiter.take('d');
    expect(limiter.size).toBe(3);
    expect(limiter.evictions).toBe(0);
    // b, c, d are live: a new key evicts the least recently seen (b), not the others.
    limiter.take('c');
    limiter.take('e');
    expect(limiter.size).toBe(3);
    expect(limiter.evictions).toBe(1);
    expect(limiter.take('c').allowed).toBe(false);
    expect(limiter.take('d').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('stays bounded under many distinct keys', () => {
    const limiter = new RateLimiter({
      rules: [{ limit: 5, windowSeconds: 60 }],
      maxKeys: 100,
      now: clock().now,
    });
    for (let i = 0; i < 10_000; i++) limiter.take(`client-${i}`);
    expect(limiter.size).toBe(100);
  });
});
