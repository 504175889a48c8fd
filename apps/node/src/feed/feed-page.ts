import { GENESIS_HASH } from '@promise-global/schema';
import { signHead } from '@promise-global/sdk/sign';
import { and, asc, gt, lte } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { feedRecords } from '../db/schema.js';
import { latestRecord, type RecordSigner } from './append-record.js';

export interface FeedPageBody {
  etag: string;
  body: string;
}

interface SignedHead {
  seq: number;
  hash: string;
  jws: string;
  /** The key that signed it: a rotation re-signs the head at once. */
  kid: string;
  /** Re-sign once past this instant (ms), well before the head's `exp`. */
  refreshAt: number;
}

const MAX_CACHED_PAGES = 64;

/**
 * Serves feed pages (protocol §7) from stored JWS: nothing is signed here except the head. §7.2
 * has a head signed per response; the node signs one per new seq or half-lifetime and reuses it
 * (verifiers accept an equal `iat`), so reads stay cheap, and caches the pages it heads.
 * Every call checks the log's latest seq, so records appended by another process (the CLI) show.
 */
export function createFeedReader(database: Database, signer: RecordSigner, headTtlSeconds: number) {
  let head: SignedHead | undefined;
  let signing: Promise<SignedHead> | undefined;
  const pages = new Map<string, FeedPageBody>();

  async function signFreshHead(seq: number, hash: string): Promise<SignedHead> {
    const iat = Math.floor(Date.now() / 1000);
    const key = signer.key;
    const jws = await signHead(key, {
      iss: signer.iss(),
      seq,
      hash,
      iat,
      exp: iat + headTtlSeconds,
    });
    return { seq, hash, jws, kid: key.kid, refreshAt: (iat + headTtlSeconds / 2) * 1000 };
  }

  async function currentHead(): Promise<SignedHead> {
    const last = await database.read((db) => latestRecord(db));
    const seq = last?.seq ?? 0;
    const hash = last?.hash ?? GENESIS_HASH;
    if (
      head &&
      head.seq === seq &&
      head.hash === hash &&
      head.kid === signer.key.kid &&
      Date.now() < head.refreshAt
    )
      return head;
    signing ??= signFreshHead(seq, hash).finally(() => {
      signing = undefined;
    });
    const fresh = await signing;
    if (fresh !== head) {
      head = fresh;
      pages.clear();
    }
    return fresh;
  }

  return {
    currentHead,
    /** The JSON body of `GET /feed?after=&limit=` and its ETag. */
    async page(after: number, limit: number): Promise<FeedPageBody> {
      const signed = await currentHead();
      const key = `${after}:${limit}`;
      const cached = pages.get(key);
      if (cached) return cached;
      const rows = await database.read((db) =>
        db
          .select({ jws: feedRecords.jws })
          .from(feedRecords)
          // Bounded by the head: a record committed after the head was read waits for the next
          // page, or the page would run past its head (HEAD_MISMATCH, §7.2).
          .where(and(gt(feedRecords.seq, after), lte(feedRecords.seq, signed.seq)))
          .orderBy(asc(feedRecords.seq))
          .limit(limit),
      );
      // Compact JWS are base64url and dots: they need no JSON escaping.
      const records = rows.map((row) => `"${row.jws}"`).join(',');
      const page = {
        etag: `"${signed.seq}-${signed.refreshAt}-${after}-${limit}"`,
        body: `{"records":[${records}],"head":"${signed.jws}"}`,
      };
      if (head === signed) {
        if (pages.size >= MAX_CACHED_PAGES) pages.clear();
        pages.set(key, page);
      }
      return page;
    },
  };
}

export type FeedReader = ReturnType<typeof createFeedReader>;
