import type { FeedDocument, FeedEntry } from './feed-document.js';

function item(entry: FeedEntry) {
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    summary: entry.summary,
    ...(entry.contentHtml === undefined
      ? { content_text: entry.summary }
      : { content_html: entry.contentHtml }),
    date_published: entry.published.toISOString(),
    date_modified: entry.updated.toISOString(),
    authors: entry.authors.map((name) => ({ name })),
    tags: entry.categories.map((category) => category.label),
    // JSON Feed has one link per item; the machine-readable alternates travel as attachments.
    ...(entry.alternates.length === 0
      ? {}
      : {
          attachments: entry.alternates.map((link) => ({
            url: link.href,
            mime_type: link.type,
            ...(link.title === undefined ? {} : { title: link.title }),
          })),
        }),
  };
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function writeJsonFeed(feed: FeedDocument): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.homePage,
      feed_url: feed.urls.json,
      description: feed.description,
      language: 'en',
      items: feed.entries.map(item),
    },
    null,
    2,
  )}\n`;
}
