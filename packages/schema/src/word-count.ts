/** A Project 52 piece aims for about 500 words: one side of A4. */
export const WORD_TARGET = 500;
/** Above this the author is warned. */
export const WORD_WARN_ABOVE = 500;
/** Above this the piece is refused. */
export const WORD_LIMIT = 750;

const HIDDEN_MARKUP = [
  /<!--[\s\S]*?-->/g, // HTML comments
  /<\/?[a-zA-Z][^>]*>/g, // HTML tags
  /\]\([^)]*\)/g, // link and image targets: [text](url)
  /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm, // reference definitions: [id]: url (one line)
];

/**
 * Counts words as a reader sees them, the way a word processor does.
 *
 * Rule: remove what a reader does not see (HTML comments and tags, Markdown link and image
 * targets, reference-link definitions); then a word is a maximal run of non-space characters
 * that holds at least one letter or digit. So `**bold**`, `e.g.`, `peer-led` and a bare URL
 * each count once, and Markdown marks such as `#`, `-` or `>` standing alone count not at all.
 *
 * @example countWords('## Safe Haven\n\nA **calm** place, open 6pm-11pm.') // 7
 */
export function countWords(markdown: string): number {
  let visible = markdown;
  for (const pattern of HIDDEN_MARKUP) visible = visible.replace(pattern, ' ');
  let words = 0;
  for (const token of visible.split(/\s+/u)) {
    if (/[\p{L}\p{N}]/u.test(token)) words++;
  }
  return words;
}

export type WordCountStatus = 'ok' | 'over_target' | 'too_long';

/** How a body's length stands against the Project 52 limits. */
export function assessWordCount(markdown: string): { words: number; status: WordCountStatus } {
  const words = countWords(markdown);
  const status = words > WORD_LIMIT ? 'too_long' : words > WORD_WARN_ABOVE ? 'over_target' : 'ok';
  return { words, status };
}
