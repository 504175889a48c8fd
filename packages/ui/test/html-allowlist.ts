const ALLOWED_TAGS = new Set([
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'span',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);

const ALLOWED_ATTRIBUTES: Readonly<Record<string, RegExp>> = {
  href: /^(https?:\/\/[^\s"'<>]+|mailto:[^\s"'<>]+)$/,
  title: /^[^"<>]*$/,
  rel: /^nofollow noopener$/,
  class: /^(md-image-text|language-[^"<>\s]*)$/,
  align: /^(left|right|center)$/,
  start: /^\d+$/,
};

/** Every problem found in rendered HTML: a tag or attribute outside the renderer's small set. */
export function disallowedMarkup(html: string): string[] {
  const problems: string[] = [];
  let index = html.indexOf('<');
  while (index !== -1) {
    const end = html.indexOf('>', index);
    if (end === -1) {
      problems.push(`unterminated tag at ${index}`);
      break;
    }
    const tag = html.slice(index + 1, end);
    const match = /^\/?([a-z0-9]+)((?:\s+[a-z-]+="[^"]*")*)\s*\/?$/.exec(tag);
    if (match === null) {
      problems.push(`malformed tag <${tag}>`);
    } else {
      const [, name = '', attributes = ''] = match;
      if (!ALLOWED_TAGS.has(name)) problems.push(`tag <${name}>`);
      for (const attribute of attributes.matchAll(/([a-z-]+)="([^"]*)"/g)) {
        const [, key = '', value = ''] = attribute;
        const pattern = ALLOWED_ATTRIBUTES[key];
        if (pattern === undefined || !pattern.test(value))
          problems.push(`attribute ${key}="${value}"`);
      }
    }
    index = html.indexOf('<', end);
  }
  return problems;
}
