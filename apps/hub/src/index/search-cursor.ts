import { z } from 'zod';

/** Where the next page starts: a sort key and rowid (keyset) or, for ranked results, an offset and rowid. */
const Position = z.tuple([z.union([z.number(), z.string()]), z.number().int()]);
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
