import { Hono } from 'hono';
import type { NodeContext } from '../context.js';
import type { NodeEnv } from '../http/hono-env.js';
import { getPartner, PartnerInput, putPartner } from '../resources/partner.js';
import { write } from '../write.js';
import { ifMatch, parseFields, readJson, versioned } from './validation.js';

export function partnerRoutes(ctx: NodeContext) {
  return new Hono<NodeEnv>()
    .get('/', async (c) =>
      versioned(c, await ctx.database.read((db) => getPartner(db, ctx.config.partnerId))),
    )
    .put('/', async (c) => {
      const expected = ifMatch(c);
      const fields = parseFields(PartnerInput, await readJson(c));
      const identity = { partnerId: ctx.config.partnerId, baseUrl: ctx.signer.iss() };
      return versioned(c, await write(ctx, (w) => putPartner(w, identity, fields, expected)));
    });
}
