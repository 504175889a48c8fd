import { renderMarkdown } from '@promise-global/ui/markdown';

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (match, body: string) => {
    const named = ENTITIES[body.toLowerCase()];
    if (named !== undefined) return named;
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : '';
    }
    return match;
  });
}

/**
 * The piece's body as plain text for the email's text/plain part: rendered by the shared
 * renderer first (so the same links survive as in the HTML part), then flattened: links become
 * "text (url)", list items "- item", blocks are separated by a blank line.
 */
export function markdownToPlainText(markdown: string): string {
  const html = renderMarkdown(markdown);
  return decode(
    html
      .replace(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, (_m, href: string, text: string) => {
        const target = decode(href);
        const shown = text.replace(/<[^>]+>/g, '');
        return decode(shown) === target || `mailto:${decode(shown)}` === target
          ? shown
          : `${shown} (${href})`;
      })
      .replace(/<li[^>]*>/g, '- ')
      .replace(/<br\s*\/?>/g, '\n')
      .replace(/<\/(p|h[1-6]|blockquote|pre|ul|ol|table|tr)>/g, '\n\n')
      .replace(/<\/li>/g, '\n')
      .replace(/<hr[^>]*>/g, '\n----\n\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
