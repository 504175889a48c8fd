import type { Hono } from 'hono';
import type { HubContext } from '../context.js';
import { getRecord } from '../index/get-record.js';
import { RecordRef } from '../trpc/inputs.js';

/**
 * `GET /records/{partnerId}/{type}/{id}`: a record's latest version as JSON, with the JWS its node
 * signed and what verifying it takes (the same answer as tRPC `records.get`). Feed items link here
 * as their machine-readable alternate.
 */
export function mountRecords(app: Hono, ctx: HubContext): void {
  app.get('/records/:partnerId/:type/:id', async (c) => {
    const ref = RecordRef.safeParse(c.req.param());
    if (!ref.success) return c.json({ error: 'NOT_FOUND' }, 404);
    const record = await getRecord(ctx.db, ref.data, ctx.url());
    if (record === null) return c.json({ error: 'NOT_FOUND' }, 404);
    return c.json(record);
  });
}
