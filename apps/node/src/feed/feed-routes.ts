import { publicJwks } from '@promise-global/sdk/keys';
import { Hono } from 'hono';
import { z } from 'zod';
import { fieldIssues } from '../api/validation.js';
import type { NodeContext } from '../context.js';
import { validationFailed } from '../errors.js';
import { createDescriptorCache } from './descriptor.js';

/** The public, unauthenticated side of the node: its feed and its identity (protocol §2, §7). */
export function feedRoutes(ctx: NodeContext) {
  const FeedQuery = z.object({
    after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(ctx.config.feedMaxLimit)
      .default(ctx.config.feedDefaultLimit),
  });
  const descriptor = createDescriptorCache(ctx);

  return new Hono()
    .use('/feed', async (c, next) => {
      await next();
      ctx.metrics.feedRequests.inc({ status: String(c.res.status) });
    })
    .get('/feed', async (c) => {
      const query = FeedQuery.safeParse({
        after: c.req.query('after'),
        limit: c.req.query('limit'),
      });
      if (!query.success) throw validationFailed(fieldIssues(query.error));
      const page = await ctx.feed.page(query.data.after, query.data.limit);
      c.header('ETag', page.etag);
      c.header('Cache-Control', 'no-cache');
      const tags =
        c.req
          .header('if-none-match')
          ?.split(',')
          .map((tag) => tag.trim()) ?? [];
      if (tags.includes(page.etag) || tags.includes('*')) return c.body(null, 304);
      c.header('Content-Type', 'application/json');
      return c.body(page.body);
    })
    .get('/.well-known/jwks.json', (c) => {
      c.header('Content-Type', 'application/json');
      return c.body(JSON.stringify(publicJwks([ctx.key])));
    })
    .get('/.well-known/promise-node', async (c) => {
      c.header('Content-Type', 'application/jwt');
      return c.body(await descriptor());
    });
}
