import {
  AGGREGATE_DIGEST_ALG,
  type AggregateItem,
  aggregateDigest,
  signHead,
} from '@promise-global/sdk/sign';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { HubContext } from '../context.js';

export { type AggregateItem, aggregateDigest } from '@promise-global/sdk/sign';

const Query = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1_000).default(500),
  /** Protocol 1.1 consumers ask for `item-lines`; without it the 1.0 digest is served (§15). */
  digest: z.enum([AGGREGATE_DIGEST_ALG, 'json-items']).default('json-items'),
});

/**
 * `GET /hub/feed?after=HUB_SEQ&limit=N`: the hub's log for another hub to consume (DESIGN.md
 * property 10). `head` is signed by this hub with `seq` = last hub seq of the page, or of the
 * whole log when the page is empty, and `hash` = the aggregate digest (docs/protocol.md §14.2).
 */
export function mountAggregateFeed(app: Hono, ctx: HubContext): void {
  app.get('/hub/feed', async (c) => {
    const parsed = Query.safeParse(c.req.query());
    if (!parsed.success) return c.json({ error: 'BAD_REQUEST' }, 400);
    const { after, limit, digest } = parsed.data;
    // The page stops at the end read first, so an empty page's head names an end it did not miss.
    const end = await latestHubSeq(ctx);
    const result = await ctx.db.$client.execute({
      sql: `SELECT e.hub_seq, e.seq, e.jws, e.record_type, e.record_id, e.rev, n.url
        FROM entries e JOIN nodes n ON n.id = e.node_id WHERE e.hub_seq > ? AND e.hub_seq <= ?
        ORDER BY e.hub_seq LIMIT ?`,
      args: [after, end, limit],
    });
    const items: AggregateItem[] = result.rows.map((row) =>
      row.seq === null
        ? {
            hubSeq: Number(row.hub_seq),
            node: String(row.url),
            removed: {
              type: String(row.record_type),
              id: String(row.record_id),
              rev: Number(row.rev),
            },
          }
        : { hubSeq: Number(row.hub_seq), node: String(row.url), jws: String(row.jws) },
    );
    // An empty page tells where the log ends, so a consumer ahead of it knows this hub was reset.
    const seq = items.at(-1)?.hubSeq ?? end;
    // The head names its digest (1.1) so a consumer never guesses; a 1.0 head has no digestAlg.
    const hash = aggregateDigest(items, digest);
    const head = await signHead(ctx.key, {
      iss: ctx.url(),
      seq,
      hash,
      ...(digest === AGGREGATE_DIGEST_ALG ? { digestAlg: digest } : {}),
    });
    return c.json({ items, head });
  });
}

async function latestHubSeq(ctx: HubContext): Promise<number> {
  const result = await ctx.db.$client.execute(
    'SELECT coalesce(max(hub_seq), 0) AS seq FROM entries',
  );
  return Number(result.rows[0]?.seq ?? 0);
}
