import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { PUBLIC_CACHE_CONTROL } from '../http/cache-headers.js';

interface Validators {
  etag: string;
  /** Whole seconds (HTTP dates have no finer grain). */
  lastModified: number;
}

/**
 * Validators for each served feed: the ETag is the body's SHA-256, so it changes with anything
 * the body shows (an item, a link built from the portal URL, an item that falls out); the
 * Last-Modified time is when this hub first served that body, strictly later than the time of
 * the body before it, so `If-Modified-Since` never hides a change either. Kept in memory per feed
 * (a bounded set: unknown themes and partners are 404s); after a restart each feed is
 * "modified" once more, which costs a reader one full fetch.
 */
export class FeedValidators {
  readonly #seen = new Map<string, Validators>();

  constructor(private readonly clock: () => number = Date.now) {}

  stamp(key: string, body: string): Validators {
    const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
    const known = this.#seen.get(key);
    if (known?.etag === etag) return known;
    const now = Math.floor(this.clock() / 1000);
    const stamped = { etag, lastModified: known ? Math.max(now, known.lastModified + 1) : now };
    this.#seen.set(key, stamped);
    return stamped;
  }
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}

/** RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since counts only without it. */
function notModified(c: Context, validators: Validators): boolean {
  const ifNoneMatch = c.req.header('if-none-match');
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, validators.etag);
  const since = Date.parse(c.req.header('if-modified-since') ?? '');
  return Number.isFinite(since) && validators.lastModified * 1000 <= since;
}

/**
 * Answers with the feed, or `304 Not Modified` when the reader's copy is current. `key` names the
 * feed canonically (its own URL), never the raw request path, so spellings of one path share one entry.
 */
export function serveFeed(
  c: Context,
  validators: FeedValidators,
  feed: { key: string; body: string; contentType: string },
): Response {
  const { key, body, contentType } = feed;
  const stamped = validators.stamp(key, body);
  const headers = {
    etag: stamped.etag,
    'last-modified': new Date(stamped.lastModified * 1000).toUTCString(),
    // A CDN or reader may keep a copy a minute (as every public GET, http/cache-headers.ts), then
    // asks again: a current copy costs a 304.
    'cache-control': PUBLIC_CACHE_CONTROL,
  };
  if (notModified(c, stamped)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, 'content-type': contentType });
}
