import { SCHEMA_VERSION } from '@promise-global/schema';
import type { NodeContext } from '../context.js';
import { listInnovations } from '../resources/innovations.js';
import { listOrganisations } from '../resources/organisations.js';
import { findPartner } from '../resources/partner.js';
import { listServices } from '../resources/services.js';

/**
 * The node's live content as JSON, in the layout `import` reads: the partner profile,
 * organisations, services, and draft or submitted write-ups (withdrawn ones are tombstoned and
 * stay out). Ids are kept, so importing into an empty node recreates the same records.
 */
export async function exportRecords(ctx: NodeContext) {
  return ctx.database.read(async (db) => {
    const partner = await findPartner(db, ctx.config.partnerId);
    const innovations = await listInnovations(db);
    return {
      format: 'promise-node-export/1',
      exportedAt: new Date().toISOString(),
      partnerId: ctx.config.partnerId,
      schemaVersion: SCHEMA_VERSION,
      ...(partner ? { partner: partner.data } : {}),
      organisations: (await listOrganisations(db)).map((item) => item.data),
      services: (await listServices(db)).map((item) => item.data),
      innovations: innovations
        .map((item) => item.data)
        .filter((innovation) => innovation.status === 'draft' || innovation.status === 'submitted'),
    };
  });
}
