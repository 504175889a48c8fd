import { InnovationInput } from '@promise-global/schema';
import { Hono } from 'hono';
import { z } from 'zod';
import type { NodeContext } from '../context.js';
import type { NodeEnv } from '../http/hono-env.js';
import { searchInnovations } from '../resources/innovation-list.js';
import { listRevisions } from '../resources/innovation-revisions.js';
import {
  createInnovation,
  deleteInnovation,
  getInnovation,
  submitInnovation,
  updateInnovation,
  withdrawInnovation,
} from '../resources/innovations.js';
import { write } from '../write.js';
import { InnovationListQuery, listQuery } from './list-query.js';
import { ifMatch, parseCreate, parseFields, queryFlag, readJson, versioned } from './validation.js';

/** Body of `POST /api/innovations/:id/submit`. */
export const SubmitInnovationBody = z.object({
  confirmPersonalData: z
    .boolean()
    .optional()
    .describe('Confirms that text flagged as possible personal data is not personal data'),
});

export function innovationRoutes(ctx: NodeContext) {
  return new Hono<NodeEnv>()
    .get('/', async (c) => {
      const query = listQuery(c, InnovationListQuery);
      return c.json(await ctx.database.read((db) => searchInnovations(db, query)));
    })
    .post('/', async (c) => {
      const { fields, id } = parseCreate(InnovationInput, await readJson(c));
      const partnerId = ctx.config.partnerId;
      return versioned(c, await write(ctx, (w) => createInnovation(w, partnerId, fields, id)), 201);
    })
    .get('/:id', async (c) =>
      versioned(c, await ctx.database.read((db) => getInnovation(db, c.req.param('id')))),
    )
    .get('/:id/revisions', async (c) =>
      c.json({ items: await ctx.database.read((db) => listRevisions(db, c.req.param('id'))) }),
    )
    .put('/:id', async (c) => {
      const intent = {
        tokenId: c.get('caller').tokenId,
        expectedRev: ifMatch(c),
        confirmPersonalData: queryFlag(c, 'confirmPersonalData'),
      };
      const fields = parseFields(InnovationInput, await readJson(c));
      const id = c.req.param('id');
      return versioned(c, await write(ctx, (w) => updateInnovation(w, id, fields, intent)));
    })
    .post('/:id/submit', async (c) => {
      const expectedRev = ifMatch(c);
      const body = parseFields(SubmitInnovationBody, await readJson(c, {}));
      const intent = {
        tokenId: c.get('caller').tokenId,
        expectedRev,
        confirmPersonalData: body.confirmPersonalData ?? queryFlag(c, 'confirmPersonalData'),
      };
      const id = c.req.param('id');
      return versioned(c, await write(ctx, (w) => submitInnovation(w, id, intent)));
    })
    .post('/:id/withdraw', async (c) => {
      const expected = ifMatch(c);
      const id = c.req.param('id');
      return versioned(c, await write(ctx, (w) => withdrawInnovation(w, id, expected)));
    })
    .delete('/:id', async (c) => {
      const expected = ifMatch(c);
      await write(ctx, (w) => deleteInnovation(w, c.req.param('id'), expected));
      return c.body(null, 204);
    });
}
