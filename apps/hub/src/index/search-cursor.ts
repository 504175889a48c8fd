import { z } from 'zod';
import { SearchInputError } from './search-error.js';

/**
 * Where the next page starts: a sort key and rowid (keyset) or, for ranked results, an offset and
 * rowid; then the total counted on the first page, so later pages do not count again.
 */
const Position = z.union([
  z.tuple([z.union([z.number(), z.string()]), z.number().int()]),
  z.tuple([z.union([z.number(), z.string()]), z.number().int(), z.number().int().min(0)]),
]);
export type SearchPosition = z.infer<typeof Position>;

/** Opaque cursor for the next page. */
export function encodeCursor(position: SearchPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Reads a cursor; a tampered or foreign cursor is `undefined` (the caller reports BAD_REQUEST). */
export function decodeCursor(cursor: string): SearchPosition | undefined {
  try {
    const parsed = Position.safeParse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A decoded cursor of the kind a query needs: a keyset (text key) or a ranked offset. */
export type PagePosition =
  | { kind: 'keyset'; key: string; rowid: number; total: number | undefined }
  | { kind: 'offset'; offset: number; total: number | undefined };

/** Decodes `cursor` for a keyset or an offset page; throws {@link SearchInputError} when it does not fit. */
export function readCursor(
  cursor: string | undefined,
  kind: PagePosition['kind'],
): PagePosition | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor);
  if (position === undefined) throw new SearchInputError('cursor is not valid');
  const [key, rowid, total] = position;
  if (kind === 'keyset' && typeof key === 'string') return { kind, key, rowid, total };
  if (kind === 'offset' && typeof key === 'number' && Number.isSafeInteger(key) && key >= 0)
    return { kind, offset: key, total };
  throw new SearchInputError('cursor is not valid for this search');
}
