import { IsoDate, ServiceInput } from '@promise-global/schema';
import { Hono } from 'hono';
import { z } from 'zod';
import type { NodeContext } from '../context.js';
import type { NodeEnv } from '../http/hono-env.js';
import { searchServices } from '../resources/service-list.js';
import {
  assureService,
  createService,
  deleteService,
  getService,
  updateService,
} from '../resources/services.js';
import { write } from '../write.js';
import { listQuery, ServiceListQuery } from './list-query.js';
import { ifMatch, parseCreate, parseFields, readJson, versioned } from './validation.js';

/** Body of `POST /api/services/:id/assure`: optionally when the next check is due. */
export const AssureServiceBody = z.object({ reviewDue: z.optional(IsoDate) });

export function serviceRoutes(ctx: NodeContext) {
  return new Hono<NodeEnv>()
    .get('/', async (c) => {
      const query = listQuery(c, ServiceListQuery);
      return c.json(await ctx.database.read((db) => searchServices(db, query)));
    })
    .post('/', async (c) => {
      const { fields, id } = parseCreate(ServiceInput, await readJson(c));
      return versioned(c, await write(ctx, (w) => createService(w, fields, id)), 201);
    })
    .get('/:id', async (c) =>
      versioned(c, await ctx.database.read((db) => getService(db, c.req.param('id')))),
    )
    .put('/:id', async (c) => {
      const expected = ifMatch(c);
      const fields = parseFields(ServiceInput, await readJson(c));
      const id = c.req.param('id');
      return versioned(c, await write(ctx, (w) => updateService(w, id, fields, expected)));
    })
    .post('/:id/assure', async (c) => {
      const expectedRev = ifMatch(c);
      const { reviewDue } = parseFields(AssureServiceBody, await readJson(c, {}));
      const id = c.req.param('id');
      const intervalDays = ctx.config.reviewIntervalDays;
      return versioned(
        c,
        await write(ctx, (w) => assureService(w, id, { reviewDue, intervalDays, expectedRev })),
      );
    })
    .delete('/:id', async (c) => {
      const expected = ifMatch(c);
      await write(ctx, (w) => deleteService(w, c.req.param('id'), expected));
      return c.body(null, 204);
    });
}
