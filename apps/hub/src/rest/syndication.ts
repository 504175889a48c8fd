import type { Context, Hono } from 'hono';
import type { HubContext } from '../context.js';
import { ADOPTIONS_PREFIX, adoptionFeed } from '../syndication/adoption-feed.js';
import { FeedValidators, serveFeed } from '../syndication/conditional-get.js';
import type { FeedDocument, FeedFormat } from '../syndication/feed-document.js';
import { feedPartner, innovationFeed, isTheme } from '../syndication/innovation-feed.js';
import { configuredPortal } from '../syndication/portal-links.js';
import { CRISIS_CHANGES_PREFIX, crisisChangesFeed } from '../syndication/service-changes-feed.js';
import { FEED_MEDIA_TYPES, writeFeed } from '../syndication/write-feed.js';

const FILES: ReadonlyArray<[string, FeedFormat]> = [
  ['rss.xml', 'rss'],
  ['atom.xml', 'atom'],
  ['feed.json', 'json'],
];

/**
 * The hub's feeds, each in RSS 2.0, Atom and JSON Feed 1.1, with CORS for everyone and
 * conditional GET: the network's pieces (`/rss.xml`), one theme's (`/themes/{theme}/rss.xml`), one
 * partner's (`/partners/{partnerId}/rss.xml`), crisis-service changes (`/services/crisis/rss.xml`)
 * adoptions across the network (`/adoptions/rss.xml`) and, with Project 52, the bulletins (`/bulletins/rss.xml`). Links are built from the configured
 * portal URL as each feed is served.
 */
export function mountSyndication(app: Hono, ctx: HubContext): void {
  const validators = new FeedValidators();
  const mount = (prefix: string, build: (c: Context) => Promise<FeedDocument | null>) => {
    for (const [file, format] of FILES) {
      const path = `${prefix}/${file}`;
      app.get(path, async (c) => {
        const feed = await build(c);
        if (feed === null) return c.notFound();
        return serveFeed(c, validators, {
          key: feed.urls[format],
          body: writeFeed(feed, format),
          contentType: FEED_MEDIA_TYPES[format],
        });
      });
    }
  };
  const portal = () => configuredPortal(ctx.config);

  mount('', () => innovationFeed(ctx.db, { kind: 'network' }, ctx.url(), portal()));
  mount('/themes/:theme', async (c) => {
    const theme = c.req.param('theme') ?? '';
    return isTheme(theme)
      ? innovationFeed(ctx.db, { kind: 'theme', theme }, ctx.url(), portal())
      : null;
  });
  mount('/partners/:partnerId', async (c) => {
    const partner = await feedPartner(ctx.db, c.req.param('partnerId') ?? '');
    return partner ? innovationFeed(ctx.db, partner, ctx.url(), portal()) : null;
  });
  mount(CRISIS_CHANGES_PREFIX, () => crisisChangesFeed(ctx.db, ctx.url(), portal()));
  mount(ADOPTIONS_PREFIX, () => adoptionFeed(ctx.db, ctx.url(), portal()));
  mount('/bulletins', async () => (ctx.project52 ? ctx.project52.feed() : null));
}
