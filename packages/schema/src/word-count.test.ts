import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessWordCount, countWords, WORD_LIMIT, WORD_WARN_ABOVE } from './word-count.js';

describe('countWords', () => {
  it.each([
    ['the documented example', '## Safe Haven\n\nA **calm** place, open 6pm-11pm.', 7],
    ['an empty body', '', 0],
    ['only Markdown marks', '# - > * 1. ---', 1],
    ['emphasis around a word', '**bold** _italic_ `code`', 3],
    ['abbreviations and hyphenated words', 'e.g. peer-led, step-down', 3],
    ['a bare URL', 'see https://example.org/a/b today', 3],
    ['a link: its text, not its target', 'read [our report](https://example.org/report) now', 4],
    ['an image: its alt text, not its source', '![calm room](room.png)', 2],
    ['a reference definition', 'see [the report][r]\n\n[r]: https://example.org/r', 3],
    ['HTML comments and tags', '<!-- draft note --><p>Two words</p>', 2],
    ['words in other scripts', 'Croeso café naïve 北京', 4],
    ['numbers', 'In 2024 we saw 52 people', 6],
    ['runs of spaces and new lines', 'one\n\ntwo\t three   ', 3],
  ])('counts %s', (_, markdown, expected) => {
    expect(countWords(markdown)).toBe(expected);
  });

  it('does not let a reference definition swallow the lines before it', () => {
    expect(countWords('[link](https://x.org) and more\n> a quote\n\n[id]: https://x.org')).toBe(5);
  });

  it('agrees with the rule as a plain split on any text, in any script', () => {
    const byRule = (text: string) =>
      text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
    const pieces = fc.constantFrom(
      'word',
      ' ',
      '\n',
      '\t',
      '\u00a0',
      '\u3000',
      'é',
      '北',
      '😀',
      '-',
      '*',
      '1',
    );
    const text = fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' })), { maxLength: 40 });
    fc.assert(
      fc.property(text, (parts) => {
        const plain = parts.join('').replace(/[<\]]/g, '');
        expect(countWords(plain)).toBe(byRule(plain));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('assessWordCount', () => {
  const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
  it.each([
    [1, 'ok'],
    [WORD_WARN_ABOVE, 'ok'],
    [WORD_WARN_ABOVE + 1, 'over_target'],
    [WORD_LIMIT, 'over_target'],
    [WORD_LIMIT + 1, 'too_long'],
  ])('rates %i words as %s', (n, status) => {
    expect(assessWordCount(words(n))).toEqual({ words: n, status });
  });
  it('warns above 500 and refuses above 750', () => {
    expect([WORD_WARN_ABOVE, WORD_LIMIT]).toEqual([500, 750]);
  });
});
