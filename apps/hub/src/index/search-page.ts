import type { InValue, Row } from '@libsql/client';
import type { SearchPage } from '@promise-global/sdk/client/hub';
import type { HubDatabase } from '../db/database.js';
import { encodeCursor, type PagePosition } from './search-cursor.js';
import { totalOf } from './search-total.js';

/**
 * A search page from its statement's rows (up to `limit + 1`: one more says a next page exists),
 * with the total and a cursor that starts the next page at `nextKey(last row)`.
 */
export async function searchPage<Hit>(
  db: HubDatabase,
  page: { rows: readonly Row[]; limit: number; position: PagePosition | undefined },
  counting: { sql: string; args: InValue[] },
  toHit: (row: Row) => Hit,
  nextKey: (last: Row) => string | number,
): Promise<SearchPage<Hit>> {
  const rows = page.rows.slice(0, page.limit);
  const total = await totalOf(db, page, counting);
  const last = rows.at(-1);
  const nextCursor =
    page.rows.length > page.limit && last
      ? encodeCursor([nextKey(last), Number(last.rowid), total])
      : null;
  return { items: rows.map(toHit), nextCursor, total };
}
