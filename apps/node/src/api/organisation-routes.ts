import { OrganisationInput } from '@promise-global/schema';
import { Hono } from 'hono';
import type { NodeContext } from '../context.js';
import type { NodeEnv } from '../http/hono-env.js';
import { searchOrganisations } from '../resources/organisation-list.js';
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  updateOrganisation,
} from '../resources/organisations.js';
import { write } from '../write.js';
import { listQuery, OrganisationListQuery } from './list-query.js';
import { ifMatch, parseCreate, parseFields, readJson, versioned } from './validation.js';

export function organisationRoutes(ctx: NodeContext) {
  return new Hono<NodeEnv>()
    .get('/', async (c) => {
      const query = listQuery(c, OrganisationListQuery);
      return c.json(await ctx.database.read((db) => searchOrganisations(db, query)));
    })
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
