import type { Innovation } from '@promise-global/schema';
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { InnovationListQuery } from '../api/list-query.js';
import type { Queryable } from '../db/database.js';
import { innovations } from '../db/schema.js';
import { keysetPage, type ListPage, matchesWords } from './paging.js';
import type { Versioned } from './revision.js';

const title = sql`json_extract(${innovations.data}, '$.title')`;
const summary = sql`json_extract(${innovations.data}, '$.summary')`;

/**
 * One page of the live write-ups, most recently changed first (then id), that match `q` in
 * their title or summary and every filter given.
 */
export async function searchInnovations(
  db: Queryable,
  query: InnovationListQuery,
): Promise<ListPage<Versioned<Innovation>>> {
  const matching = and(
    isNull(innovations.deletedAt),
    matchesWords(query.q, [title, summary]),
    query.status === undefined ? undefined : eq(innovations.status, query.status),
    query.kind === undefined
      ? undefined
      : sql`json_extract(${innovations.data}, '$.kind') = ${query.kind}`,
  );
  return keysetPage(
    {
      key: innovations.updatedAt,
      id: innovations.id,
      direction: 'desc',
      rows: (where, order, limit) => {
        const by = order === 'asc' ? asc : desc;
        return db
          .select({
            id: innovations.id,
            sortKey: innovations.updatedAt,
            rev: innovations.rev,
            data: innovations.data,
          })
          .from(innovations)
          .where(and(matching, where))
          .orderBy(by(innovations.updatedAt), by(innovations.id))
          .limit(limit);
      },
      total: async () =>
        (await db.select({ total: count() }).from(innovations).where(matching))[0]?.total ?? 0,
      item: (row) => ({ rev: row.rev, data: row.data }),
    },
    query.cursor,
    query.limit,
  );
}
