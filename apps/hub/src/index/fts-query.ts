/**
 * Turns what a person typed into a safe FTS5 MATCH expression: words only (FTS5 operators and
 * quotes cannot be injected), each quoted, all required; a last word of 3+ characters also matches
 * as a prefix so results appear while typing. Returns `undefined` when no word remains.
 */
export function ftsMatchExpression(query: string | undefined): string | undefined {
  if (!query) return undefined;
  const words = (query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  if (words.length === 0) return undefined;
  return words
    .map((word, index) => `"${word}"${index === words.length - 1 && word.length >= 3 ? '*' : ''}`)
    .join(' ');
}
