import { LABELS } from '@promise-global/schema';
import { labelFor } from '@promise-global/ui/format';
import type { FeedDocument, FeedEntry, FeedUrls } from '../../syndication/feed-document.js';
import { type Bulletin, bulletinSubject, linkTarget } from './bulletin.js';
import { renderBulletinPage } from './page.js';

/** A sent week: `id` is its address when it went out (stable), `bulletin` carries today's links. */
export interface SentBulletin {
  id: string;
  bulletin: Bulletin;
}

export interface BulletinFeedOptions {
  /** The hub's public base URL. */
  hubUrl: string;
  /** Where the feed is served in each format. */
  urls: FeedUrls;
  /** The portal's Project 52 page, which the feed follows. */
  homePage: string;
}

function entry({ id, bulletin }: SentBulletin): FeedEntry {
  return {
    id,
    title: bulletinSubject(bulletin),
    summary: bulletin.piece.summary,
    contentHtml: renderBulletinPage(bulletin),
    url: linkTarget(bulletin.url),
    alternates: [],
    authors: [bulletin.piece.partnerName],
    categories: bulletin.piece.themes.map((theme) => ({
      term: theme,
      label: labelFor(theme, LABELS),
    })),
    published: bulletin.publishedAt,
    updated: bulletin.publishedAt,
  };
}

/** Project 52 as a feed: one entry per sent week, newest first, the portal page fragment as content. */
export function bulletinFeed(
  sent: readonly SentBulletin[],
  options: BulletinFeedOptions,
): FeedDocument {
  const entries = [...sent]
    .sort((a, b) => b.bulletin.publishedAt.getTime() - a.bulletin.publishedAt.getTime())
    .map(entry);
  return {
    id: `${options.hubUrl}/project52`,
    title: 'PROMISE Network: Project 52 bulletin',
    description:
      'One frontline mental-health innovation a week, shared across the PROMISE Network.',
    homePage: options.homePage,
    urls: options.urls,
    updated: entries[0]?.published ?? new Date(0),
    entries,
  };
}
