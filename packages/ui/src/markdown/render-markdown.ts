import { Marked, type RendererObject } from 'marked';
import { escapeHtml } from './escape-html.js';
import { safeHref } from './safe-href.js';

export interface RenderMarkdownOptions {
  /**
   * The level the piece's highest heading renders at, so its headings sit under the page's own
   * `<h1>` without gaps: with the default 2, a piece whose top headings are `##` renders them as
   * `<h2>` and its `###` as `<h3>`. Levels stop at `<h6>`.
   */
  topHeadingLevel?: number;
}

const LINK_REL = 'nofollow noopener';

function createRenderer(headingOffset: number): RendererObject<string, string> {
  return {
    // Raw HTML is never passed through: it is shown as the text the author typed.
    html(token) {
      if (token.text.trim().startsWith('<!--')) return '';
      const shown = escapeHtml(token.text);
      return 'block' in token && token.block ? `<p>${shown.trim()}</p>\n` : shown;
    },
    heading({ tokens, depth }) {
      const level = Math.min(6, Math.max(1, depth + headingOffset));
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      if (safe === null) return text;
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(safe)}"${titleAttribute} rel="${LINK_REL}">${text}</a>`;
    },
    // Images would load third-party content (and track readers): show their description instead.
    image({ text }) {
      return text ? `<span class="md-image-text">[${escapeHtml(text)}]</span>` : '';
    },
    // The space after the marker is the checkbox's own (marked's default renderer ends with one).
    checkbox({ checked }) {
      return checked ? '☑ ' : '☐ ';
    },
  };
}

const instances = new Map<number, Marked<string, string>>();

function markedFor(headingOffset: number): Marked<string, string> {
  let instance = instances.get(headingOffset);
  if (instance === undefined) {
    instance = new Marked<string, string>({
      async: false,
      gfm: true,
      breaks: false,
      pedantic: false,
      renderer: createRenderer(headingOffset),
    });
    instances.set(headingOffset, instance);
  }
  return instance;
}

/**
 * Renders a partner's Markdown to HTML that is safe to insert into a page: raw HTML is escaped,
 * links keep only http(s) and mailto targets (with `rel="nofollow noopener"`), images become their
 * alt text, and no attribute carries author-controlled markup. The node workspace preview and the
 * portal both call this, so authors see exactly what readers will.
 *
 * @example
 * renderMarkdown('We **halved** waits. <script>alert(1)</script>');
 * // '<p>We <strong>halved</strong> waits. &lt;script&gt;alert(1)&lt;/script&gt;</p>\n'
 */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions = {}): string {
  const top = Math.min(6, Math.max(1, Math.trunc(options.topHeadingLevel ?? 2)));
  const lexer = markedFor(0);
  const tokens = lexer.lexer(markdown);
  let highest = 7;
  lexer.walkTokens(tokens, (token) => {
    if (token.type === 'heading' && typeof token.depth === 'number')
      highest = Math.min(highest, token.depth);
  });
  const offset = highest === 7 ? 0 : top - highest;
  return markedFor(offset).parser(tokens);
}
