import { escapeHtml } from '@promise-global/ui/markdown';
import type { FeedDocument, FeedEntry } from './feed-document.js';
import { xmlElement, xmlText } from './xml-text.js';

const text = (name: string, value: string) => `<${name}>${xmlText(value)}</${name}>`;

function item(entry: FeedEntry, scheme: string | undefined): string {
  return [
    '<item>',
    // Many RSS readers render titles and descriptions as HTML: partner text goes in escaped.
    text('title', escapeHtml(entry.title)),
    text('link', entry.url),
    xmlElement('guid', { isPermaLink: 'false' }, entry.id),
    text('pubDate', entry.published.toUTCString()),
    text('description', escapeHtml(entry.summary)),
    entry.contentHtml === undefined ? '' : text('content:encoded', entry.contentHtml),
    ...entry.authors.map((name) => text('dc:creator', name)),
    ...entry.categories.map((category) =>
      xmlElement('category', { domain: scheme }, category.label),
    ),
    ...entry.alternates.map((link) =>
      xmlElement('atom:link', {
        rel: 'alternate',
        type: link.type,
        href: link.href,
        title: link.title,
      }),
    ),
    '</item>',
  ].join('');
}

/** RSS 2.0, with Atom links for the feed itself and each item's machine-readable alternates. */
export function writeRss(feed: FeedDocument): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    text('title', escapeHtml(feed.title)),
    text('link', feed.homePage),
    text('description', escapeHtml(feed.description)),
    text('language', 'en'),
    text('lastBuildDate', feed.updated.toUTCString()),
    text('generator', 'PROMISE Network hub'),
    xmlElement('atom:link', { rel: 'self', type: 'application/rss+xml', href: feed.urls.rss }),
    ...feed.entries.map((entry) => item(entry, feed.categoryScheme)),
    '</channel></rss>\n',
  ].join('');
}
