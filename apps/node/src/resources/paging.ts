import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { validationFailed } from '../errors.js';

/** Items per page when a caller does not say. */
export const DEFAULT_PAGE_LIMIT = 50;
/** The most items one page may hold; a larger `limit` is refused (400). */
export const MAX_PAGE_LIMIT = 200;

/** One page of a list: pass `nextCursor` back as `cursor` for the next; null on the last page. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
  /** How many items match the search and filters in all. */
  total: number;
}

/** Where a page starts: after the item with this sort key and id (keyset paging). */
export interface PagePosition {
  key: string;
  id: string;
}

/** A cursor is opaque to callers: the last item's sort key and id, base64url JSON. */
export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): PagePosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw validationFailed([
    { path: 'cursor', message: 'Not a cursor this list gave out: start again without one' },
  ]);
}

/**
 * Rows after `position` in the order (`key`, `id`), ascending or descending: the condition of a
 * keyset page, so page N costs the same as page 1.
 */
export function afterPosition(
  key: SQLWrapper,
  id: SQLWrapper,
  position: PagePosition,
  direction: 'asc' | 'desc',
): SQL {
  return direction === 'asc'
    ? sql`(${key} > ${position.key} or (${key} = ${position.key} and ${id} > ${position.id}))`
    : sql`(${key} < ${position.key} or (${key} = ${position.key} and ${id} < ${position.id}))`;
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

/**
 * The page from rows fetched with `limit + 1`: the extra row only says that another page exists.
 */
export function pageFrom<R extends { sortKey: string; id: string }, T>(
  rows: R[],
  limit: number,
  total: number,
  item: (row: R) => T,
): ListPage<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    items: shown.map(item),
    nextCursor: more && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null,
    total,
  };
}
