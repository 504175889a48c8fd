import type { InStatement, InValue } from '@libsql/client';
import type { AdoptionRow } from './index-rows.js';

const hubSeqOf = '(SELECT hub_seq FROM entries WHERE node_id = ? AND seq = ?)';

/**
 * Statements that keep the adoptions index in step with a page: one multi-row upsert of the
 * latest version of each adoption (the earliest stage date seen is kept as `first_date`, for the
 * Spread timeline), and deletions for adoptions the node deleted (tombstones).
 */
export function adoptionStatements(
  nodeId: number,
  rows: readonly { row: AdoptionRow; seq: number }[],
  removedIds: readonly string[],
): InStatement[] {
  const statements: InStatement[] = [];
  if (removedIds.length > 0) {
    statements.push({
      sql: `DELETE FROM adoptions WHERE node_id = ? AND record_id IN (${removedIds.map(() => '?').join(', ')})`,
      args: [nodeId, ...removedIds],
    });
  }
  if (rows.length === 0) return statements;
  const args: InValue[] = [];
  for (const { row, seq } of rows) {
    args.push(nodeId, row.recordId, nodeId, seq, row.partnerId, row.piecePartnerId);
    args.push(row.pieceRecordId, row.pieceHash, row.stage, row.date, row.firstDate, row.note);
    args.push(row.contactRole, row.updatedAt);
  }
  statements.push({
    sql: `INSERT INTO adoptions (node_id, record_id, hub_seq, partner_id, piece_partner_id, piece_record_id, piece_hash,
        stage, date, first_date, note, contact_role, updated_at)
      VALUES ${rows.map(() => `(?, ?, ${hubSeqOf}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).join(', ')}
      ON CONFLICT (node_id, record_id) DO UPDATE SET hub_seq = excluded.hub_seq, partner_id = excluded.partner_id,
        piece_partner_id = excluded.piece_partner_id, piece_record_id = excluded.piece_record_id,
        piece_hash = excluded.piece_hash, stage = excluded.stage, date = excluded.date,
        first_date = min(adoptions.first_date, excluded.first_date), note = excluded.note,
        contact_role = excluded.contact_role, updated_at = excluded.updated_at`,
    args,
  });
  return statements;
}
