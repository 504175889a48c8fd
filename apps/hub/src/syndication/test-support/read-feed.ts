import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import type { FeedFormat } from '../feed-document.js';

/** One item as a feed reader sees it, whatever the format. */
export interface ReadItem {
  id: string | undefined;
  title: string | undefined;
  /** The page the reader opens. */
  link: string | undefined;
  /** The machine-readable alternate (the signed record as JSON), if the item names one. */
  json: string | undefined;
  authors: string[];
  /** Category labels, as a reader shows them. */
  categories: string[];
  published: Date | undefined;
}

export interface ReadFeed {
  title: string | undefined;
  homePage: string | undefined;
  items: ReadItem[];
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** RSS titles are HTML: a reader decodes them before showing them. */
const fromHtml = (text: string | undefined) =>
  text?.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES[entity] ?? entity);

const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

function readRss(body: string): ReadFeed {
  const feed = parseRssFeed(body);
  return {
    title: fromHtml(feed.title),
    homePage: feed.link,
    items: (feed.items ?? []).map((item) => ({
      id: item.guid?.value,
      title: fromHtml(item.title),
      link: item.link,
      json: item.atom?.links?.find((l) => l.rel === 'alternate' && l.type === 'application/json')
        ?.href,
      authors: item.dc?.creators ?? [],
      categories: (item.categories ?? []).map((category) => category.name ?? ''),
      published: date(item.pubDate),
    })),
  };
}

function readAtom(body: string): ReadFeed {
  const feed = parseAtomFeed(body);
  const alternate = (
    links: { rel?: string; type?: string; href?: string }[] | undefined,
    type: string,
  ) => links?.find((l) => (l.rel ?? 'alternate') === 'alternate' && l.type === type)?.href;
  return {
    title: feed.title?.value,
    homePage: alternate(feed.links, 'text/html'),
    items: (feed.entries ?? []).map((entry) => ({
      id: entry.id,
      title: entry.title?.value,
      link: alternate(entry.links, 'text/html'),
      json: alternate(entry.links, 'application/json'),
      authors: (entry.authors ?? []).map((author) => author.name ?? ''),
      categories: (entry.categories ?? []).map((category) => category.label ?? category.term ?? ''),
      published: date(entry.published),
    })),
  };
}

function readJson(body: string): ReadFeed {
  const feed = parseJsonFeed(JSON.parse(body));
  return {
    title: feed.title,
    homePage: feed.home_page_url,
    items: (feed.items ?? []).map((item) => ({
      id: item.id,
      title: item.title,
      link: item.url,
      json: item.attachments?.find((a) => a.mime_type === 'application/json')?.url,
      authors: (item.authors ?? []).map((author) => author.name ?? ''),
      categories: item.tags ?? [],
      published: date(item.date_published),
    })),
  };
}

/**
 * Reads a feed with feedsmith, a parser independent of the hub's writers, into what a reader
 * shows: the tests compare this with what the portal lists.
 */
export function readFeed(body: string, format: FeedFormat): ReadFeed {
  if (format === 'rss') return readRss(body);
  if (format === 'atom') return readAtom(body);
  return readJson(body);
}
