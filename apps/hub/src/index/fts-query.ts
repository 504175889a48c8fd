import { SYNONYM_GROUPS } from './synonyms.js';

const MAX_WORDS = 12;

/** Each synonym phrase, as words, to the phrases of its group (itself included). */
const PHRASES: ReadonlyMap<string, readonly string[]> = new Map(
  SYNONYM_GROUPS.flatMap((group) => group.map((phrase) => [phrase, group] as const)),
);
const LONGEST = Math.max(...SYNONYM_GROUPS.flat().map((phrase) => phrase.split(' ').length));

const quoted = (phrase: string) => `"${phrase}"`;

/**
 * Turns what a person typed into a safe FTS5 MATCH expression: words only (FTS5 operators and
 * quotes cannot be injected), each quoted, all required; a last word of 3+ characters also matches
 * as a prefix so results appear while typing. A word or phrase from the synonyms list matches any
 * phrase of its group ("peer support" also finds "peer-run"). Returns `undefined` when no word
 * remains.
 */
export function ftsMatchExpression(query: string | undefined): string | undefined {
  if (!query) return undefined;
  const words = (query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) return undefined;
  const plain = words.map((word) => word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''));
  const terms: string[] = [];
  for (let index = 0; index < words.length; ) {
    const group = longestPhraseAt(plain, index);
    if (group) {
      terms.push(
        group.phrases.length === 1
          ? quoted(group.phrases[0] ?? '')
          : `(${group.phrases.map(quoted).join(' OR ')})`,
      );
      index += group.length;
      continue;
    }
    const word = words[index] ?? '';
    terms.push(`${quoted(word)}${index === words.length - 1 && word.length >= 3 ? '*' : ''}`);
    index++;
  }
  // Explicit AND: FTS5 joins bare phrases implicitly, but not a phrase and a bracketed OR group.
  return terms.join(' AND ');
}

/** The longest synonym phrase starting at `start`, with its group. */
function longestPhraseAt(
  words: readonly string[],
  start: number,
): { phrases: readonly string[]; length: number } | undefined {
  for (let length = Math.min(LONGEST, words.length - start); length > 0; length--) {
    const phrases = PHRASES.get(words.slice(start, start + length).join(' '));
    if (phrases) return { phrases, length };
  }
  return undefined;
}
