import type { InValue } from '@libsql/client';
import type {
  AdoptionQuery,
  AdoptionReferenceStatus,
  AdoptionStage,
  AdoptionView,
} from '@promise-global/sdk/client/hub';
import type { HubDatabase } from '../db/database.js';

/** Most adoptions one call returns: the whole network's spread fits, and stays bounded. */
export const MAX_ADOPTIONS = 2000;

/**
 * The reference check (docs/protocol.md §4.7), read at query time so it follows the piece: `ok`
 * when the piece is indexed and the adopter read its current version, `outdated` when it is
 * indexed at another version, `withdrawn` when its node logged it but it left the index
 * (withdrawn or deleted), `unknown` otherwise.
 */
const referenceStatus = `CASE
    WHEN i.record_id IS NOT NULL THEN CASE WHEN pe.hash = a.piece_hash THEN 'ok' ELSE 'outdated' END
    WHEN pn.id IS NOT NULL AND EXISTS (SELECT 1 FROM entries x WHERE x.node_id = pn.id
      AND x.record_type = 'innovation' AND x.record_id = a.piece_record_id) THEN 'withdrawn'
    ELSE 'unknown' END`;

/** Adoptions, oldest first (first stage date, then adopter and record id: a total order). */
export async function listAdoptions(
  db: HubDatabase,
  query: AdoptionQuery,
): Promise<AdoptionView[]> {
  const clauses: string[] = [];
  const args: InValue[] = [];
  if (query.piece) {
    clauses.push('a.piece_partner_id = ? AND a.piece_record_id = ?');
    args.push(query.piece.partnerId, query.piece.recordId);
  }
  if (query.ofPartner !== undefined) {
    clauses.push('a.piece_partner_id = ?');
    args.push(query.ofPartner);
  }
  if (query.byPartner !== undefined) {
    clauses.push('a.partner_id = ?');
    args.push(query.byPartner);
  }
  const limit = Math.trunc(Math.min(Math.max(query.limit ?? MAX_ADOPTIONS, 1), MAX_ADOPTIONS));
  const result = await db.$client.execute({
    sql: `SELECT a.record_id, a.partner_id, coalesce(json_extract(n.partner, '$.name'), n.name) AS partner_name, n.country, n.url,
        a.piece_partner_id, a.piece_record_id, a.piece_hash, i.title AS piece_title,
        coalesce(json_extract(pn.partner, '$.name'), pn.name) AS piece_partner_name, pn.country AS piece_country,
        a.stage, a.date, a.first_date, a.note, a.contact_role, a.updated_at,
        ${referenceStatus} AS reference_status
      FROM adoptions a JOIN nodes n ON n.id = a.node_id AND n.state != 'removed'
      LEFT JOIN nodes pn ON pn.partner_id = a.piece_partner_id AND pn.state != 'removed'
      LEFT JOIN innovations i ON i.node_id = pn.id AND i.record_id = a.piece_record_id
      LEFT JOIN entries pe ON pe.hub_seq = i.hub_seq
      WHERE ${clauses.length ? clauses.join(' AND ') : '1'}
      ORDER BY a.first_date, a.partner_id, a.record_id LIMIT ${limit}`,
    args,
  });
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return result.rows.map((row) => ({
    id: String(row.record_id),
    partnerId: String(row.partner_id),
    partnerName: String(row.partner_name),
    country: text(row.country),
    nodeUrl: String(row.url),
    piece: {
      partnerId: String(row.piece_partner_id),
      recordId: String(row.piece_record_id),
      hash: String(row.piece_hash),
      title: text(row.piece_title),
      partnerName: text(row.piece_partner_name),
      country: text(row.piece_country),
    },
    stage: String(row.stage) as AdoptionStage,
    date: String(row.date),
    firstDate: String(row.first_date),
    note: String(row.note),
    contactRole: String(row.contact_role),
    updatedAt: String(row.updated_at),
    referenceStatus: String(row.reference_status) as AdoptionReferenceStatus,
  }));
}
