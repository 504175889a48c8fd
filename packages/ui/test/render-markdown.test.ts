import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, safeHref } from '../src/markdown/index.js';
import { disallowedMarkup } from './html-allowlist.js';
import { XSS_CORPUS } from './xss-corpus.js';

const DANGEROUS =
  /<\s*(script|svg|math|iframe|object|embed|style|link|meta|base|form|img|details|body)\b|\son[a-z]+\s*=|=\s*"?\s*(javascript|vbscript|data|file)\s*:/i;

function tagsOf(html: string): string {
  return [...html.matchAll(/<[^>]*>/g)].map(([tag]) => tag).join('');
}

describe('renderMarkdown against the XSS corpus', () => {
  it.each(XSS_CORPUS)('renders "$name" with only allowed tags and attributes', ({ markdown }) => {
    const html = renderMarkdown(markdown);
    expect(disallowedMarkup(html)).toEqual([]);
  });

  it.each(XSS_CORPUS)('leaves no executable markup in the tags of "$name"', ({ markdown }) => {
    expect(tagsOf(renderMarkdown(markdown))).not.toMatch(DANGEROUS);
  });

  it('shows raw HTML as the text the author typed', () => {
    expect(renderMarkdown('Before <script>alert(1)</script> after')).toBe(
      '<p>Before &lt;script&gt;alert(1)&lt;/script&gt; after</p>\n',
    );
  });

  it('keeps the words of a refused link but drops its target', () => {
    expect(renderMarkdown('[read more](javascript:alert(1))')).toBe('<p>read more</p>\n');
  });

  it('drops HTML comments entirely', () => {
    expect(renderMarkdown('a <!-- hidden --> b')).toBe('<p>a  b</p>\n');
  });

  it('turns an image into its description instead of loading it', () => {
    expect(renderMarkdown('![A ward garden](https://example.org/garden.png)')).toBe(
      '<p><span class="md-image-text">[A ward garden]</span></p>\n',
    );
  });
});

describe('renderMarkdown for ordinary writing', () => {
  it('renders web links with rel="nofollow noopener" and a normalised address', () => {
    expect(renderMarkdown('[The team](<https://example.org/crisis team>)')).toContain(
      '<a href="https://example.org/crisis%20team" rel="nofollow noopener">The team</a>',
    );
  });

  it('renders mailto links and reference links', () => {
    const html = renderMarkdown(
      '[Email us][c] or [site][s]\n\n[c]: mailto:team@example.org\n[s]: https://example.org',
    );
    expect(html).toContain(
      '<a href="mailto:team@example.org" rel="nofollow noopener">Email us</a>',
    );
    expect(html).toContain('<a href="https://example.org/" rel="nofollow noopener">site</a>');
  });

  it('links bare web addresses and autolinks', () => {
    const html = renderMarkdown('See https://example.org/a and <https://example.org/b>.');
    expect(html).toContain('<a href="https://example.org/a" rel="nofollow noopener">');
    expect(html).toContain('<a href="https://example.org/b" rel="nofollow noopener">');
  });

  it('puts the highest heading at h2 so the page keeps a single h1 and no gaps', () => {
    expect(renderMarkdown('# What we did\n\n## Then\n\n###### Small')).toBe(
      '<h2>What we did</h2>\n<h3>Then</h3>\n<h6>Small</h6>\n',
    );
    expect(renderMarkdown('### What we did\n\n#### Then')).toBe(
      '<h2>What we did</h2>\n<h3>Then</h3>\n',
    );
    expect(renderMarkdown('## Title', { topHeadingLevel: 1 })).toBe('<h1>Title</h1>\n');
  });

  it('renders emphasis, lists, quotes, tables and code with their text escaped', () => {
    const html = renderMarkdown(
      '**Bold** and _soft_\n\n1. one\n2. two\n\n> said\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nx < y\n```',
    );
    expect(html).toContain('<strong>Bold</strong> and <em>soft</em>');
    expect(html).toContain('<ol>\n<li>one</li>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<pre><code>x &lt; y\n</code></pre>');
    expect(disallowedMarkup(html)).toEqual([]);
  });

  it('renders task list markers as text rather than form controls', () => {
    expect(renderMarkdown('- [x] done\n- [ ] next')).toBe(
      '<ul>\n<li>☑ done</li>\n<li>☐ next</li>\n</ul>\n',
    );
  });

  it('never produces a disallowed tag or attribute, whatever the input', () => {
    const pieces = fc.constantFrom(
      '<',
      '>',
      '"',
      "'",
      '&',
      '#',
      ';',
      ':',
      '[',
      ']',
      '(',
      ')',
      '!',
      '*',
      '_',
      '`',
      '\n',
      ' ',
      'javascript',
      'script',
      'onerror=',
      'a',
      'href',
      'http://x.example',
      '&#x61;',
      '&colon;',
      '<img',
      '<svg',
      '-->',
      '<!--',
      'data:',
      '|',
      '-',
      '1.',
      '\\',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const html = renderMarkdown(parts.join(''));
        expect(disallowedMarkup(html)).toEqual([]);
        expect(tagsOf(html)).not.toMatch(DANGEROUS);
      }),
      { numRuns: 400 },
    );
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.org', 'https://example.org/'],
    ['http://example.org/a?b=1', 'http://example.org/a?b=1'],
    ['mailto:team@example.org', 'mailto:team@example.org'],
    ['https://example.org/"onmouseover="x', 'https://example.org/%22onmouseover=%22x'],
  ])('accepts %s as %s', (raw, expected) => {
    expect(safeHref(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'ftp://example.org',
    '/relative/path',
    '//evil.example',
  ])('refuses %s', (raw) => {
    expect(safeHref(raw)).toBeNull();
  });
});
