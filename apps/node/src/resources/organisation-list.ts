import type { Organisation } from '@promise-global/schema';
import { and, asc, count, desc, isNull, sql } from 'drizzle-orm';
import type { OrganisationListQuery } from '../api/list-query.js';
import type { Queryable } from '../db/database.js';
import { organisations } from '../db/schema.js';
import { keysetPage, type ListPage, matchesWords } from './paging.js';
import type { Versioned } from './revision.js';

/** An organisation as listed: with how many live services it runs. */
export interface ListedOrganisation extends Versioned<Organisation> {
  serviceCount: number;
}

const name = sql`json_extract(${organisations.data}, '$.name')`;
const sortKey = sql<string>`lower(${name})`;
// Written out: drizzle leaves columns in a select's sql unqualified, and both tables have `id`.
const serviceCount = sql<number>`(select count(*) from services as s
  where s.organisation_id = organisations.id and s.deleted_at is null)`;

/** One page of the live organisations, by name (case-insensitive, then id), matching `q`. */
export async function searchOrganisations(
  db: Queryable,
  query: OrganisationListQuery,
): Promise<ListPage<ListedOrganisation>> {
  const matching = and(
    isNull(organisations.deletedAt),
    matchesWords(query.q, [name]),
    query.type === undefined
      ? undefined
      : sql`json_extract(${organisations.data}, '$.type') = ${query.type}`,
  );
  return keysetPage(
    {
      key: sortKey,
      id: organisations.id,
      direction: 'asc',
      rows: (where, order, limit) => {
        const by = order === 'asc' ? asc : desc;
        return db
          .select({
            id: organisations.id,
            sortKey: sortKey,
            rev: organisations.rev,
            data: organisations.data,
            serviceCount,
          })
          .from(organisations)
          .where(and(matching, where))
          .orderBy(by(sortKey), by(organisations.id))
          .limit(limit);
      },
      total: async () =>
        (await db.select({ total: count() }).from(organisations).where(matching))[0]?.total ?? 0,
      item: (row) => ({ rev: row.rev, data: row.data, serviceCount: Number(row.serviceCount) }),
    },
    query.cursor,
    query.limit,
  );
}
