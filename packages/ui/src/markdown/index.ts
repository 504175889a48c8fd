export { escapeHtml } from './escape-html.js';
export { type RenderMarkdownOptions, renderMarkdown } from './render-markdown.js';
export { safeHref } from './safe-href.js';
