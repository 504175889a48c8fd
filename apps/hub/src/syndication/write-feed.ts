import type { FeedDocument, FeedFormat } from './feed-document.js';
import { writeAtom } from './write-atom.js';
import { writeJsonFeed } from './write-json-feed.js';
import { writeRss } from './write-rss.js';

export const FEED_MEDIA_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** The feed written in one format. */
export function writeFeed(feed: FeedDocument, format: FeedFormat): string {
  if (format === 'rss') return writeRss(feed);
  if (format === 'atom') return writeAtom(feed);
  return writeJsonFeed(feed);
}
