import type { Service } from '@promise-global/schema';
import { and, asc, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { ServiceListQuery } from '../api/list-query.js';
import type { Queryable } from '../db/database.js';
import { services } from '../db/schema.js';
import { keysetPage, type ListPage, matchesWords } from './paging.js';
import type { Versioned } from './revision.js';

/**
 * How long a listing without a `reviewDue` date stays trusted after its owner checked it: the
 * staff workspace's `DEFAULT_REVIEW_DAYS` (`@promise-global/ui/format`); a test keeps them equal.
 */
export const REVIEW_DAYS_WITHOUT_DUE_DATE = 183;

const name = sql`json_extract(${services.data}, '$.name')`;
const description = sql`json_extract(${services.data}, '$.description')`;
const sortKey = sql<string>`lower(${name})`;
const assuredAt = sql`json_extract(${services.data}, '$.assuredAt')`;
const reviewDue = sql`json_extract(${services.data}, '$.reviewDue')`;

/** The workspace's `reviewStatus(service).overdue`, in SQL, at `now`. */
function overdue(now: Date): SQL {
  const today = now.toISOString().slice(0, 10);
  return sql`(case when ${reviewDue} is not null then ${reviewDue} < ${today}
    else (${assuredAt} is null
      or julianday(${assuredAt}) < julianday(${now.toISOString()}) - ${REVIEW_DAYS_WITHOUT_DUE_DATE})
    end)`;
}

function reviewCondition(review: ServiceListQuery['review'], now: Date): SQL | undefined {
  if (review === 'due') return sql`${overdue(now)}`;
  if (review === 'checked') return sql`(not ${overdue(now)} and ${assuredAt} is not null)`;
  if (review === 'not_checked') return sql`(not ${overdue(now)} and ${assuredAt} is null)`;
  return undefined;
}

/**
 * One page of the live services, by name (case-insensitive, then id), that match `q` in their
 * name or description and every filter given.
 */
export async function searchServices(
  db: Queryable,
  query: ServiceListQuery,
  now: Date = new Date(),
): Promise<ListPage<Versioned<Service>>> {
  const matching = and(
    isNull(services.deletedAt),
    matchesWords(query.q, [name, description]),
    reviewCondition(query.review, now),
    query.status === undefined
      ? undefined
      : sql`json_extract(${services.data}, '$.status') = ${query.status}`,
    query.organisationId === undefined
      ? undefined
      : eq(services.organisationId, query.organisationId),
  );
  return keysetPage(
    {
      key: sortKey,
      id: services.id,
      direction: 'asc',
      rows: (where, order, limit) => {
        const by = order === 'asc' ? asc : desc;
        return db
          .select({ id: services.id, sortKey: sortKey, rev: services.rev, data: services.data })
          .from(services)
          .where(and(matching, where))
          .orderBy(by(sortKey), by(services.id))
          .limit(limit);
      },
      total: async () =>
        (await db.select({ total: count() }).from(services).where(matching))[0]?.total ?? 0,
      item: (row) => ({ rev: row.rev, data: row.data }),
    },
    query.cursor,
    query.limit,
  );
}
