import { OrganisationInput } from '@promise-global/schema';
import { Hono } from 'hono';
import type { NodeContext } from '../context.js';
import type { NodeEnv } from '../http/hono-env.js';
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from '../resources/organisations.js';
import { write } from '../write.js';
import { ifMatch, parseCreate, parseFields, readJson, versioned } from './validation.js';

export function organisationRoutes(ctx: NodeContext) {
  return new Hono<NodeEnv>()
    .get('/', async (c) =>
      c.json({ items: await ctx.database.read((db) => listOrganisations(db)) }),
    )
    .post('/', async (c) => {
      const { fields, id } = parseCreate(OrganisationInput, await readJson(c));
      return versioned(c, await write(ctx, (w) => createOrganisation(w, fields, id)), 201);
    })
    .get('/:id', async (c) =>
      versioned(c, await ctx.database.read((db) => getOrganisation(db, c.req.param('id')))),
    )
    .put('/:id', async (c) => {
      const expected = ifMatch(c);
      const fields = parseFields(OrganisationInput, await readJson(c));
      const id = c.req.param('id');
      return versioned(c, await write(ctx, (w) => updateOrganisation(w, id, fields, expected)));
    })
    .delete('/:id', async (c) => {
      const expected = ifMatch(c);
      await write(ctx, (w) => deleteOrganisation(w, c.req.param('id'), expected));
      return c.body(null, 204);
    });
}
