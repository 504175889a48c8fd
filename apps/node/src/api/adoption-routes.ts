import { AdoptionInput } from '@promise-global/schema';
import { Hono } from 'hono';
import type { NodeContext } from '../context.js';
import type { NodeEnv } from '../http/hono-env.js';
import {
  createAdoption,
  getAdoption,
  listAdoptions,
  updateAdoption,
} from '../resources/adoptions.js';
import { write } from '../write.js';
import { ifMatch, parseCreate, parseFields, readJson, versioned } from './validation.js';

/** `/api/adoptions`: this partner's adoptions of other partners' pieces, each published at once. */
export function adoptionRoutes(ctx: NodeContext) {
  return new Hono<NodeEnv>()
    .get('/', async (c) => {
      const rows = await ctx.database.read((db) => listAdoptions(db));
      return c.json({ items: rows.map((row) => ({ ...row.data, rev: row.rev })) });
    })
    .post('/', async (c) => {
      const { fields, id } = parseCreate(AdoptionInput, await readJson(c));
      const partnerId = ctx.config.partnerId;
      return versioned(c, await write(ctx, (w) => createAdoption(w, partnerId, fields, id)), 201);
    })
    .get('/:id', async (c) =>
      versioned(c, await ctx.database.read((db) => getAdoption(db, c.req.param('id')))),
    )
    .put('/:id', async (c) => {
      const expected = ifMatch(c);
      const fields = parseFields(AdoptionInput, await readJson(c));
      const id = c.req.param('id');
      return versioned(c, await write(ctx, (w) => updateAdoption(w, id, fields, expected)));
    });
}
