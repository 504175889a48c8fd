import type { Client, InValue, Row } from '@libsql/client';
import type { HubDatabase } from '../db/database.js';
import type { PagePosition } from './search-cursor.js';

const GENERATION = '(SELECT value FROM index_generation WHERE id = 1) AS generation';

const REMEMBERED = 512;
const remembered = new WeakMap<Client, Map<string, { generation: number; total: number }>>();

/** The statement counting every match of a search over `innovations i` or `services s`. */
export function countingSql(
  table: 'innovations' | 'services',
  match: string | undefined,
  filter: { sql: string; args: InValue[] },
): { sql: string; args: InValue[] } {
  const alias = table === 'innovations' ? 'i' : 's';
  const fts = table === 'innovations' ? 'innovation_fts' : 'service_fts';
  if (match === undefined)
    return { sql: `SELECT count(*) FROM ${table} ${alias} WHERE ${filter.sql}`, args: filter.args };
  if (filter.args.length === 0)
    return { sql: `SELECT count(*) FROM ${fts} WHERE ${fts} MATCH ?`, args: [match] };
  return {
    sql: `SELECT count(*) FROM ${fts} JOIN ${table} ${alias} ON ${alias}.rowid = ${fts}.rowid
      WHERE ${fts} MATCH ? AND ${filter.sql}`,
    args: [match, ...filter.args],
  };
}

/**
 * How many rows match, given a page's rows (up to `limit + 1`). Later pages carry the total in
 * their cursor and a first page that is not full is every match; otherwise `counting` runs, and
 * its count is remembered until the index next changes (it repeats the whole match: as much work
 * again as the page for a popular query).
 */
export async function totalOf(
  db: HubDatabase,
  page: { rows: readonly Row[]; limit: number; position: PagePosition | undefined },
  counting: { sql: string; args: InValue[] },
): Promise<number> {
  const { rows, limit, position } = page;
  if (position?.total !== undefined) return position.total;
  if (position === undefined && rows.length <= limit) return rows.length;
  const client = db.$client;
  const cache = remembered.get(client) ?? new Map<string, { generation: number; total: number }>();
  remembered.set(client, cache);
  const key = `${counting.sql}\u0000${JSON.stringify(counting.args)}`;
  const hit = cache.get(key);
  const current = hit && (await client.execute(`SELECT ${GENERATION}`)).rows[0]?.generation;
  if (hit && hit.generation === Number(current)) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.total;
  }
  // Generation and count from one statement, so they describe the same state of the index.
  const result = await client.execute({
    sql: `SELECT ${GENERATION}, (${counting.sql}) AS total`,
    args: counting.args,
  });
  const row = result.rows[0];
  const total = Number(row?.total ?? 0);
  cache.delete(key);
  cache.set(key, { generation: Number(row?.generation), total });
  if (cache.size > REMEMBERED) cache.delete(cache.keys().next().value as string);
  return total;
}
