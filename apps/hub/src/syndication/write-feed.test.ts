import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FeedDocument, feedUrls } from './feed-document.js';
import { readFeed } from './test-support/read-feed.js';
import { writeFeed } from './write-feed.js';

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function feedOf(title: string, summary: string, author: string, label: string): FeedDocument {
  const when = new Date('2026-10-05T09:00:00Z');
  return {
    id: 'https://hub.example.org/',
    title: `Feed of ${author}`,
    description: summary,
    homePage: 'https://portal.example.org/innovations',
    urls: feedUrls('https://hub.example.org'),
    categoryScheme: 'https://portal.example.org/innovations?theme=',
    updated: when,
    entries: [
      {
        id: 'https://hub.example.org/records/cpft/innovation/1',
        title,
        summary,
        url: 'https://portal.example.org/innovations/cpft/1',
        alternates: [
          { href: 'https://hub.example.org/records/cpft/innovation/1', type: 'application/json' },
        ],
        authors: [author],
        categories: [{ term: 'crisis_care', label }],
        published: when,
        updated: when,
      },
    ],
  };
}

describe('the feed writers', () => {
  it('carry any partner text through every format as the reader’s parser reads it back', () => {
    // Full Unicode, markup and XML-illegal control characters: nothing a partner writes breaks a feed.
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((value) => value.replace(NOT_XML, '').trim() !== '');
    const hostile = fc.constantFrom(
      '<script>alert(1)</script>',
      ']]><x/>',
      'A&E &amp; "quotes" \'apostrophes\'',
      '\u0000\u0001\u001f\uFFFE nul',
      '<![CDATA[x]]>',
    );
    fc.assert(
      fc.property(fc.oneof(text, hostile), fc.oneof(text, hostile), (title, author) => {
        const feed = feedOf(title, `About ${title}`, author, `Label ${author}`);
        const expected = (value: string) => value.replace(NOT_XML, '');
        for (const format of ['rss', 'atom', 'json'] as const) {
          const [item] = readFeed(writeFeed(feed, format), format).items;
          // Parsers trim surrounding whitespace; JSON keeps characters XML cannot carry.
          const shown = (value: string) => (format === 'json' ? value : expected(value)).trim();
          expect(item?.title?.trim(), format).toBe(shown(title));
          expect(
            item?.authors.map((name) => name.trim()),
            format,
          ).toEqual([shown(author)]);
          expect(
            item?.categories.map((label) => label.trim()),
            format,
          ).toEqual([shown(`Label ${author}`)]);
          expect(item?.json, format).toBe('https://hub.example.org/records/cpft/innovation/1');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keep markup in partner text inert in the XML', () => {
    const feed = feedOf('<img src=x onerror=alert(1)>', '<script>x()</script>', 'T <b>', 'L');
    for (const format of ['rss', 'atom'] as const) {
      const xml = writeFeed(feed, format);
      expect(xml, format).not.toMatch(/<img|<script|<b>/);
    }
  });
});
