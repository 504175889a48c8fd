import type { InValue } from '@libsql/client';
import {
  Organisation,
  REFERRAL_ROUTES,
  SERVICE_CATEGORIES,
  Service,
  URGENCIES,
} from '@promise-global/schema';
import { promiseTerm, toHsdsService } from '@promise-global/schema/hsds';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { HubContext } from '../context.js';
import { ftsMatchExpression } from '../index/fts-query.js';

/** taxonomy_term_id → the filter it means (PROMISE taxonomy terms, ids stable by code). */
let termFilters: Map<string, { sql: string; value: string }> | undefined;
function termFilter(id: string) {
  termFilters ??= new Map<string, { sql: string; value: string }>([
    ...SERVICE_CATEGORIES.map((value): [string, { sql: string; value: string }] => [
      promiseTerm('category', value).id,
      { sql: 'categories', value },
    ]),
    ...REFERRAL_ROUTES.map((value): [string, { sql: string; value: string }] => [
      promiseTerm('referral_route', value).id,
      { sql: 'referral_routes', value },
    ]),
    ...URGENCIES.map((value): [string, { sql: string; value: string }] => [
      promiseTerm('urgency', value).id,
      { sql: 'urgency', value },
    ]),
  ]);
  return termFilters.get(id);
}

const Query = z.object({
  search: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
  taxonomy_term_id: z.string().max(64).optional(),
  modified_after: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

function payloadData(jws: unknown): unknown {
  const part = String(jws).split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { data?: unknown }).data;
}

/**
 * Open Referral (HSDS 3.0 / ORUK) style `GET /services` and `GET /services/:id` for consumers that do
 * not speak tRPC: each service is mapped by the schema package's `toHsdsService`. CORS `*`.
 */
export function mountHsdsServices(app: Hono, ctx: HubContext): void {
  const select = `SELECT s.rowid, se.jws AS service_jws, oe.jws AS organisation_jws
    FROM services s JOIN entries se ON se.hub_seq = s.hub_seq
    JOIN directory d ON d.node_id = s.node_id AND d.record_type = 'organisation' AND d.record_id = s.organisation_id
    JOIN entries oe ON oe.hub_seq = d.hub_seq`;
  const toHsds = (row: Record<string, unknown>) =>
    toHsdsService(
      Service.parse(payloadData(row.service_jws)),
      Organisation.parse(payloadData(row.organisation_jws)),
    );

  app.get('/services', async (c) => {
    const parsed = Query.safeParse(c.req.query());
    if (!parsed.success) {
      return c.json(
        {
          error: 'BAD_REQUEST',
          issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        },
        400,
      );
    }
    const query = parsed.data;
    const where: string[] = [];
    const args: InValue[] = [];
    const match = ftsMatchExpression(query.search);
    if (match) {
      where.push('s.rowid IN (SELECT rowid FROM service_fts WHERE service_fts MATCH ?)');
      args.push(match);
    }
    if (query.taxonomy_term_id) {
      const term = termFilter(query.taxonomy_term_id);
      if (!term) where.push('0');
      else if (term.sql === 'urgency') {
        where.push('s.urgency = ?');
        args.push(term.value);
      } else {
        where.push(`EXISTS (SELECT 1 FROM json_each(s.${term.sql}) j WHERE j.value = ?)`);
        args.push(term.value);
      }
    }
    if (query.modified_after) {
      where.push('s.updated_at >= ?');
      args.push(new Date(query.modified_after).toISOString());
    }
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const search = () =>
      ctx.db.$client.batch(
        [
          { sql: `SELECT count(*) AS n FROM (${select} ${condition})`, args },
          {
            sql: `${select} ${condition} ORDER BY s.name, s.rowid LIMIT ? OFFSET ?`,
            args: [...args, query.per_page, (query.page - 1) * query.per_page],
          },
        ],
        'read',
      );
    const [total, page] = await ctx.metrics.timeSearch('services', 'rest', search);
    const totalItems = Number(total?.rows[0]?.n ?? 0);
    const totalPages = Math.max(1, Math.ceil(totalItems / query.per_page));
    const contents = (page?.rows ?? []).map(toHsds);
    return c.json({
      total_items: totalItems,
      total_pages: totalPages,
      page_number: query.page,
      size: contents.length,
      first_page: query.page === 1,
      last_page: query.page >= totalPages,
      empty: totalItems === 0,
      contents,
    });
  });

  app.get('/services/:id', async (c) => {
    const result = await ctx.db.$client.execute({
      sql: `${select} WHERE s.record_id = ? ORDER BY s.rowid LIMIT 1`,
      args: [c.req.param('id')],
    });
    const row = result.rows[0];
    return row ? c.json(toHsds(row)) : c.json({ error: 'NOT_FOUND' }, 404);
  });
}
