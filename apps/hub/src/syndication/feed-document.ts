/** A link a machine may follow instead of the page, e.g. the signed record as JSON. */
export interface FeedAlternate {
  href: string;
  type: string;
  title?: string | undefined;
}

/** A controlled value shown as a category: `term` for machines, `label` for people. */
export interface FeedCategory {
  term: string;
  label: string;
}

/** One item of a feed, whatever format it is written in. */
export interface FeedEntry {
  /** Stable across link changes: readers use it to tell new items from seen ones. */
  id: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** Sanitised HTML, when the entry carries more than its summary. */
  contentHtml?: string | undefined;
  /** The page a person reads. */
  url: string;
  alternates: readonly FeedAlternate[];
  authors: readonly string[];
  categories: readonly FeedCategory[];
  published: Date;
  updated: Date;
}

/** Where one feed is served in each format. */
export interface FeedUrls {
  rss: string;
  atom: string;
  json: string;
}

/** A feed before it is written as RSS 2.0, Atom 1.0 or JSON Feed 1.1. */
export interface FeedDocument {
  id: string;
  title: string;
  description: string;
  /** The page the feed follows (the portal's list, when the hub knows the portal). */
  homePage: string;
  urls: FeedUrls;
  /** Names the vocabulary of the categories (a URL prefix), if any. */
  categoryScheme?: string | undefined;
  /** When the newest entry changed; the epoch for an empty feed. */
  updated: Date;
  entries: readonly FeedEntry[];
}

export type FeedFormat = keyof FeedUrls;

/** The three formats' URLs for a feed whose RSS is at `{base}{prefix}/rss.xml`. */
export function feedUrls(base: string, prefix = ''): FeedUrls {
  return {
    rss: `${base}${prefix}/rss.xml`,
    atom: `${base}${prefix}/atom.xml`,
    json: `${base}${prefix}/feed.json`,
  };
}

/** The newest `updated` of the entries, or the epoch. */
export function newestUpdate(entries: readonly FeedEntry[]): Date {
  let newest = 0;
  for (const entry of entries) newest = Math.max(newest, entry.updated.getTime());
  return new Date(newest);
}
