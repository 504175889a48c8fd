import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { validationFailed } from '../errors.js';

/** Items per page when a caller does not say. */
export const DEFAULT_PAGE_LIMIT = 50;
/** The most items one page may hold; a larger `limit` is refused (400). */
export const MAX_PAGE_LIMIT = 200;

/**
 * One page of a list: pass `nextCursor` back as `cursor` for the next page (null on the last
 * page), `prevCursor` for the page before (null on the first).
 */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  prevCursor: string | null;
  /** How many items match the search and filters in all. */
  total: number;
}

/** Where a page starts: just after (or, paging back, just before) this sort key and id. */
export interface PagePosition {
  key: string;
  id: string;
  back: boolean;
}

/** A cursor is opaque to callers: a sort key, an id and a direction, as base64url JSON. */
export function encodeCursor(position: PagePosition): string {
  const value = [position.key, position.id, ...(position.back ? ['back'] : [])];
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string): PagePosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      (value.length === 2 || (value.length === 3 && value[2] === 'back')) &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { key: value[0], id: value[1], back: value.length === 3 };
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw validationFailed([
    { path: 'cursor', message: 'Not a cursor this list gave out: start again without one' },
  ]);
}

type Direction = 'asc' | 'desc';

/** The condition of a keyset page: rows past (`key`, `id`) in `direction`. */
function past(key: SQLWrapper, id: SQLWrapper, at: PagePosition, direction: Direction): SQL {
  return direction === 'asc'
    ? sql`(${key} > ${at.key} or (${key} = ${at.key} and ${id} > ${at.id}))`
    : sql`(${key} < ${at.key} or (${key} = ${at.key} and ${id} < ${at.id}))`;
}

/** How one list reads its rows: the ordered rows past a position, and how many match. */
export interface KeysetList<R extends { sortKey: string; id: string }, T> {
  key: SQLWrapper;
  id: SQLWrapper;
  /** The list's order. */
  direction: Direction;
  /** Rows matching the search and `where`, ordered by (key, id) in `order`, at most `limit`. */
  rows(where: SQL | undefined, order: Direction, limit: number): Promise<R[]>;
  total(): Promise<number>;
  item(row: R): T;
}

/**
 * One page by keyset: page N costs what page 1 does, and a cursor stays right when items are
 * added or removed before it. A cursor pointing back reads the rows before it in reverse.
 */
export async function keysetPage<R extends { sortKey: string; id: string }, T>(
  list: KeysetList<R, T>,
  cursor: string | undefined,
  limit: number,
): Promise<ListPage<T>> {
  const at = cursor === undefined ? undefined : decodeCursor(cursor);
  const reverse: Direction = list.direction === 'asc' ? 'desc' : 'asc';
  const order = at?.back ? reverse : list.direction;
  const where = at === undefined ? undefined : past(list.key, list.id, at, order);
  const rows = await list.rows(where, order, limit + 1);
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  if (at?.back) shown.reverse();
  const first = shown[0];
  const last = shown.at(-1);
  const hasBefore = at?.back ? more : at !== undefined;
  const hasAfter = at?.back ? true : more;
  return {
    items: shown.map((row) => list.item(row)),
    nextCursor:
      hasAfter && last ? encodeCursor({ key: last.sortKey, id: last.id, back: false }) : null,
    prevCursor:
      hasBefore && first ? encodeCursor({ key: first.sortKey, id: first.id, back: true }) : null,
    total: await list.total(),
  };
}

/** `%word%` for LIKE, with LIKE's own wildcards in the word taken literally (ESCAPE '\'). */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Every word of `q` must appear in one of `fields` (case-insensitive for ASCII letters, as
 * SQLite's LIKE is). Undefined when there is nothing to search for.
 */
export function matchesWords(q: string | undefined, fields: SQLWrapper[]): SQL | undefined {
  const words = (q ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const each = words.map((word) => {
    const pattern = containsPattern(word);
    const any = fields.map((field) => sql`${field} like ${pattern} escape '\\'`);
    return sql`(${sql.join(any, sql` or `)})`;
  });
  return sql.join(each, sql` and `);
}
