import { countWords } from '@promise-global/schema';
import { and, asc, eq } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import type { Queryable } from '../db/database.js';
import { feedRecords } from '../db/schema.js';
import { getInnovation } from './innovations.js';

/** One published version of a write-up, as its signed feed record holds it. */
export interface InnovationRevision {
  rev: number;
  seq: number;
  publishedAt: string;
  /** `published` for a version, or the tombstone's reason (`withdrawn`, `deleted`). */
  change: string;
  title: string | null;
  words: number | null;
}

/**
 * The published history of a write-up (drafts are not kept: only what reached the feed), read
 * back from the node's own signed records, oldest first.
 */
export async function listRevisions(db: Queryable, id: string): Promise<InnovationRevision[]> {
  await getInnovation(db, id);
  const rows = await db
    .select({
      seq: feedRecords.seq,
      rev: feedRecords.rev,
      jws: feedRecords.jws,
      at: feedRecords.createdAt,
    })
    .from(feedRecords)
    .where(and(eq(feedRecords.recordType, 'innovation'), eq(feedRecords.recordId, id)))
    .orderBy(asc(feedRecords.seq));
  return rows.map((row) => {
    const payload = decodeJwt(row.jws) as {
      data?: { title?: string; body?: string };
      tombstone?: { reason?: string };
    };
    return {
      rev: row.rev,
      seq: row.seq,
      publishedAt: row.at,
      change: payload.tombstone ? (payload.tombstone.reason ?? 'removed') : 'published',
      title: payload.data?.title ?? null,
      words: payload.data?.body === undefined ? null : countWords(payload.data.body),
    };
  });
}
