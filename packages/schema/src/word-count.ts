/** A Project 52 piece aims for about 500 words: one side of A4. */
export const WORD_TARGET = 500;
/** Above this the author is warned. */
export const WORD_WARN_ABOVE = 500;
/** Above this the piece is refused. */
export const WORD_LIMIT = 750;
/** An adoption note is short: what the adopter is doing and how it is going (schema 1.1). */
export const ADOPTION_NOTE_WORD_LIMIT = 150;

/** Markup a reader does not see, each with a substring that must be present for it to match. */
const HIDDEN_MARKUP: ReadonlyArray<readonly [string, RegExp]> = [
  ['<!--', /<!--[\s\S]*?-->/g], // HTML comments
  ['<', /<\/?[a-zA-Z][^>]*>/g], // HTML tags
  ['](', /\]\([^)]*\)/g], // link and image targets: [text](url)
  [']:', /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm], // reference definitions: [id]: url (one line)
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
  for (const [trigger, pattern] of HIDDEN_MARKUP) {
    if (visible.includes(trigger)) visible = visible.replace(pattern, ' ');
  }
  // A hand-rolled scan: the hub validates every harvested piece, so this sits on a hot path.
  let words = 0;
  let counted = false;
  for (let i = 0; i < visible.length; i++) {
    const code = visible.charCodeAt(i);
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) counted = false;
      else if (!counted && isAsciiLetterOrDigit(code)) {
        words++;
        counted = true;
      }
      continue;
    }
    const char = String.fromCodePoint(visible.codePointAt(i) ?? code);
    if (char.length === 2) i++;
    if (SPACE.test(char)) counted = false;
    else if (!counted && LETTER_OR_DIGIT.test(char)) {
      words++;
      counted = true;
    }
  }
  return words;
}

const SPACE = /^\s$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export type WordCountStatus = 'ok' | 'over_target' | 'too_long';

/** How a body's length stands against the Project 52 limits. */
export function assessWordCount(markdown: string): { words: number; status: WordCountStatus } {
  const words = countWords(markdown);
  const status = words > WORD_LIMIT ? 'too_long' : words > WORD_WARN_ABOVE ? 'over_target' : 'ok';
  return { words, status };
}

/** The case-study sections (schema 1.1) in reading order, with their headings. */
export const CASE_STUDY_SECTIONS = [
  { key: 'problem', heading: 'The problem' },
  { key: 'whatWeDid', heading: 'What we did' },
  { key: 'whatChanged', heading: 'What changed' },
  { key: 'howToAdopt', heading: 'How to adopt it' },
] as const;

/** A piece's text as the word limit sees it: the body and its case-study sections. */
export interface PieceText {
  body: string;
  caseStudy?:
    | {
        problem?: string | undefined;
        whatWeDid?: string | undefined;
        whatChanged?: string | undefined;
        howToAdopt?: string | undefined;
        resources?: ReadonlyArray<{ title: string }> | undefined;
      }
    | undefined;
}

/** Words of the body and every case-study section (resource titles included), by {@link countWords}. */
export function pieceWordCount(piece: PieceText): number {
  const sections = piece.caseStudy;
  if (!sections) return countWords(piece.body);
  const parts = [
    piece.body,
    ...CASE_STUDY_SECTIONS.map(({ key }) => sections[key] ?? ''),
    ...(sections.resources ?? []).map((resource) => resource.title),
  ];
  return parts.reduce((sum, part) => sum + countWords(part), 0);
}
