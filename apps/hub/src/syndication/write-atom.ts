import type { FeedDocument, FeedEntry } from './feed-document.js';
import { xmlElement, xmlText } from './xml-text.js';

const text = (name: string, value: string) => `<${name}>${xmlText(value)}</${name}>`;
const plain = (name: string, value: string) => xmlElement(name, { type: 'text' }, value);

function entry(item: FeedEntry, scheme: string | undefined): string {
  return [
    '<entry>',
    text('id', item.id),
    plain('title', item.title),
    text('updated', item.updated.toISOString()),
    text('published', item.published.toISOString()),
    xmlElement('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    // RFC 4287 §4.2.7.2: one rel="alternate" per type, so the JSON record sits beside the page.
    ...item.alternates.map((link) =>
      xmlElement('link', {
        rel: 'alternate',
        type: link.type,
        href: link.href,
        title: link.title,
      }),
    ),
    plain('summary', item.summary),
    item.contentHtml === undefined ? '' : xmlElement('content', { type: 'html' }, item.contentHtml),
    ...item.authors.map((name) => `<author>${text('name', name)}</author>`),
    ...item.categories.map((category) =>
      xmlElement('category', { term: category.term, label: category.label, scheme }),
    ),
    '</entry>',
  ].join('');
}

/** Atom 1.0 (RFC 4287): titles and summaries as plain text, content as escaped HTML. */
export function writeAtom(feed: FeedDocument): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    text('id', feed.id),
    plain('title', feed.title),
    plain('subtitle', feed.description),
    text('updated', feed.updated.toISOString()),
    xmlElement('link', { rel: 'alternate', type: 'text/html', href: feed.homePage }),
    xmlElement('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom }),
    text('generator', 'PROMISE Network hub'),
    ...feed.entries.map((item) => entry(item, feed.categoryScheme)),
    '</feed>\n',
  ].join('');
}
