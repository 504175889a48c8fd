import { Hono } from 'hono';
import { z } from 'zod';
import { createToken, listTokens, ROLES, revokeToken } from '../auth/tokens.js';
import type { NodeContext } from '../context.js';
import type { NodeEnv } from '../http/hono-env.js';
import { parseFields, readJson } from './validation.js';

/** Body of `POST /api/tokens`. */
export const CreateTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES).default('editor'),
});

/** Token management: admin only (the router is mounted behind `requireRole('admin')`). */
export function tokenRoutes(ctx: NodeContext) {
  return new Hono<NodeEnv>()
    .get('/', async (c) => c.json({ items: await ctx.database.read((db) => listTokens(db)) }))
    .post('/', async (c) => {
      const input = parseFields(CreateTokenBody, await readJson(c));
      const created = await ctx.database.write((tx) => createToken(tx, input));
      ctx.log.info({ tokenId: created.id, role: created.role }, 'token created');
      return c.json(created, 201);
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await ctx.database.write((tx) => revokeToken(tx, id));
      ctx.log.info({ tokenId: id }, 'token revoked');
      return c.body(null, 204);
    });
}
