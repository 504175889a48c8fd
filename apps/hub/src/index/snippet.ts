/** A piece of result text; `match` marks the words that matched the query. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

/**
 * Splits FTS5 `snippet()`/`highlight()` output (marked with control characters, which never occur
 * in indexed text) into parts, so the portal renders highlights without parsing HTML.
 */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of marked.split(MARK_OPEN).entries()) {
    if (index === 0) {
      if (piece) parts.push({ text: piece, match: false });
      continue;
    }
    const [hit = '', rest = ''] = piece.split(MARK_CLOSE);
    if (hit) parts.push({ text: hit, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}
