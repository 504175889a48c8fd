import { publicJwks } from '@promise-global/sdk/keys';
import { and, eq, ne } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { HubContext } from '../context.js';
import { memberships, nodes } from '../db/schema/index.js';

/**
 * The hub as trust anchor (docs/protocol.md §3): its public keys, and the membership statement of
 * every enrolled node, fetchable by anyone.
 */
export function mountIdentity(app: Hono, ctx: HubContext): void {
  app.get('/.well-known/jwks.json', (c) => c.json(publicJwks([ctx.key])));
  app.get('/.well-known/promise-hub', (c) => {
    const url = ctx.url();
    return c.json({
      url,
      // The minor of promise-feed/1 this hub speaks (docs/protocol.md §15.1).
      protocolVersion: '1.1',
      jwksUrl: `${url}/.well-known/jwks.json`,
      pingUrl: `${url}/ping`,
      membershipsUrl: `${url}/memberships`,
      aggregateFeedUrl: `${url}/hub/feed`,
      trpcUrl: `${url}/trpc`,
      servicesUrl: `${url}/services`,
    });
  });
  app.get('/memberships', async (c) => {
    const rows = await ctx.db
      .select({
        partnerId: nodes.partnerId,
        nodeUrl: nodes.url,
        jws: memberships.jws,
        expiresAt: memberships.expiresAt,
      })
      .from(memberships)
      .innerJoin(nodes, eq(nodes.id, memberships.nodeId))
      .where(ne(nodes.state, 'removed'));
    return c.json(
      rows.map((row) => ({ ...row, expiresAt: new Date(row.expiresAt).toISOString() })),
    );
  });
  app.get('/memberships/:partnerId', async (c) => {
    const [row] = await ctx.db
      .select({ jws: memberships.jws })
      .from(memberships)
      .innerJoin(nodes, eq(nodes.id, memberships.nodeId))
      .where(and(eq(nodes.partnerId, c.req.param('partnerId')), ne(nodes.state, 'removed')));
    if (!row) return c.json({ error: 'NOT_FOUND' }, 404);
    return c.body(row.jws, 200, { 'content-type': 'application/jwt' });
  });
}
