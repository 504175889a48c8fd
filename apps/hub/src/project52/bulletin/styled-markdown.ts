import { renderMarkdown } from '@promise-global/ui/markdown';

const FONT = "font-family:Georgia,'Times New Roman',serif;";

/** Inline styles for the tags the shared renderer emits: email clients drop <style> blocks. */
const EMAIL_STYLES: Readonly<Record<string, string>> = {
  p: `${FONT}font-size:16px;line-height:1.55;color:#1f2933;margin:0 0 14px;`,
  h1: `${FONT}font-size:20px;line-height:1.3;color:#1f2933;margin:22px 0 10px;`,
  h2: `${FONT}font-size:20px;line-height:1.3;color:#1f2933;margin:22px 0 10px;`,
  h3: `${FONT}font-size:18px;line-height:1.3;color:#1f2933;margin:20px 0 8px;`,
  h4: `${FONT}font-size:16px;line-height:1.3;color:#1f2933;margin:18px 0 8px;`,
  h5: `${FONT}font-size:16px;color:#1f2933;margin:16px 0 6px;`,
  h6: `${FONT}font-size:16px;color:#1f2933;margin:16px 0 6px;`,
  ul: 'margin:0 0 14px;padding-left:22px;',
  ol: 'margin:0 0 14px;padding-left:22px;',
  li: `${FONT}font-size:16px;line-height:1.55;color:#1f2933;margin:0 0 6px;`,
  blockquote: 'margin:0 0 14px;padding:4px 0 4px 14px;border-left:4px solid #7aa6a0;color:#3e4c59;',
  pre: 'margin:0 0 14px;padding:10px;background:#f4f4f2;white-space:pre-wrap;font-size:14px;',
  code: 'font-family:Menlo,Consolas,monospace;font-size:14px;',
  a: 'color:#14645c;text-decoration:underline;',
  table: 'border-collapse:collapse;margin:0 0 14px;',
  th: `${FONT}font-size:15px;border:1px solid #cbd2d9;padding:4px 8px;text-align:left;`,
  td: `${FONT}font-size:15px;border:1px solid #cbd2d9;padding:4px 8px;`,
  hr: 'border:0;border-top:1px solid #cbd2d9;margin:18px 0;',
};

/**
 * The piece's body through the shared sanitising renderer, with an inline style on each element.
 * Safe to rewrite with a pattern: the renderer escapes every `<` in the partner's text, so each
 * `<` left in its output opens a tag it wrote itself.
 */
export function emailMarkdown(markdown: string): string {
  const html = renderMarkdown(markdown);
  return html.replace(
    /<(p|h[1-6]|ul|ol|li|blockquote|pre|code|a|table|th|td|hr)(?=[\s>/])/g,
    (tag, name: string) => {
      const style = EMAIL_STYLES[name];
      return style === undefined ? tag : `${tag} style="${style}"`;
    },
  );
}
