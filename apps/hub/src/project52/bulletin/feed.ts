import { labelFor } from '@promise-global/ui/format';
import { escapeHtml } from '@promise-global/ui/markdown';
import { Feed } from 'feed';
import { type Bulletin, bulletinSubject, linkTarget } from './bulletin.js';
import { renderBulletinPage } from './page.js';

export interface BulletinFeedOptions {
  /** The hub's public base URL. */
  hubUrl: string;
  /** Where the three feeds are served. */
  feedLinks: { rss: string; atom: string; json: string };
}

export interface BulletinFeeds {
  rss: string;
  atom: string;
  json: string;
}

function buildFeed(
  bulletins: readonly Bulletin[],
  options: BulletinFeedOptions,
  text: (value: string) => string,
): Feed {
  const newestFirst = [...bulletins].sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime(),
  );
  const feed = new Feed({
    title: 'PROMISE Network — Project 52 bulletin',
    description:
      'One frontline mental-health innovation a week, shared across the PROMISE Network.',
    id: `${options.hubUrl}/project52`,
    link: `${options.hubUrl}/project52`,
    language: 'en',
    copyright: 'Each piece carries its own licence (CC BY 4.0 unless stated).',
    updated: newestFirst[0]?.publishedAt ?? new Date(0),
    feedLinks: options.feedLinks,
  });
  for (const bulletin of newestFirst) {
    const link = linkTarget(bulletin.url);
    feed.addItem({
      title: text(bulletinSubject(bulletin)),
      id: link,
      link,
      description: text(bulletin.piece.summary),
      content: renderBulletinPage(bulletin),
      date: bulletin.publishedAt,
      author: [{ name: bulletin.piece.partnerName }],
      category: bulletin.piece.themes.map((theme) => ({ name: labelFor(theme) })),
    });
  }
  return feed;
}

/**
 * Project 52 as RSS 2.0, Atom and JSON Feed: one entry per sent week, newest first, the portal
 * page fragment as content. Atom marks titles `type="html"` and RSS readers treat titles as HTML,
 * so the XML feeds carry partner text HTML-escaped; JSON Feed titles are plain text and stay as written.
 */
export function bulletinFeeds(
  bulletins: readonly Bulletin[],
  options: BulletinFeedOptions,
): BulletinFeeds {
  const xml = buildFeed(bulletins, options, escapeHtml);
  return {
    rss: xml.rss2(),
    atom: xml.atom1(),
    json: buildFeed(bulletins, options, (value) => value).json1(),
  };
}
