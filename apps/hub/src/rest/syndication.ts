import { Feed } from 'feed';
import type { Hono } from 'hono';
import type { HubContext } from '../context.js';

async function publishedInnovationsFeed(ctx: HubContext): Promise<Feed> {
  const hub = ctx.url();
  const result = await ctx.db.$client.execute({
    sql: `SELECT i.record_id, i.partner_id, i.title, i.published_at, i.updated_at, f.summary, n.name AS partner_name
      FROM innovations i JOIN innovation_fts f ON f.rowid = i.rowid JOIN nodes n ON n.id = i.node_id
      WHERE i.status = 'published' ORDER BY i.published_at DESC, i.rowid DESC LIMIT 50`,
    args: [],
  });
  const feed = new Feed({
    title: 'PROMISE Network — Project 52',
    description: 'Innovations in mental-health care shared across the PROMISE Network, one a week.',
    id: `${hub}/`,
    link: `${hub}/`,
    language: 'en',
    copyright: 'Each write-up carries its own licence (CC BY 4.0 unless stated).',
    updated: new Date(String(result.rows[0]?.published_at ?? '1970-01-01T00:00:00Z')),
    feedLinks: { json: `${hub}/feed.json`, rss: `${hub}/rss.xml`, atom: `${hub}/atom.xml` },
  });
  for (const row of result.rows) {
    const link = `${hub}/records/${encodeURIComponent(String(row.partner_id))}/innovation/${encodeURIComponent(String(row.record_id))}`;
    feed.addItem({
      title: String(row.title),
      id: link,
      link,
      description: String(row.summary),
      date: new Date(String(row.published_at ?? row.updated_at)),
      author: [{ name: String(row.partner_name) }],
    });
  }
  return feed;
}

/** `/feed.json`, `/rss.xml` and `/atom.xml` of published innovations, built with the `feed` package. */
export function mountSyndication(app: Hono, ctx: HubContext): void {
  app.get('/feed.json', async (c) => {
    const feed = await publishedInnovationsFeed(ctx);
    return c.body(feed.json1(), 200, { 'content-type': 'application/feed+json; charset=utf-8' });
  });
  app.get('/rss.xml', async (c) => {
    const feed = await publishedInnovationsFeed(ctx);
    return c.body(feed.rss2(), 200, { 'content-type': 'application/rss+xml; charset=utf-8' });
  });
  app.get('/atom.xml', async (c) => {
    const feed = await publishedInnovationsFeed(ctx);
    return c.body(feed.atom1(), 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });
}
