import type { InStatement, InValue } from '@libsql/client';
import type { IndexAction } from '../index/index-rows.js';

/** Innovation statuses that put a piece in the Project 52 queue (a node's signed submission). */
const QUEUED = new Set(['submitted', 'scheduled']);

/** The schedule's key for a piece: a node can only ever name its own. */
export function pieceKey(partnerId: string, recordId: string): string {
  return `${partnerId}/${recordId}`;
}

/**
 * Statements that keep the Project 52 queue in step with a harvested page, in the page's own
 * write batch: submitted pieces enter (multi-row upsert, keyed by partner and record id); a piece
 * the node withdrew (status or tombstone) gets a `withdraw` event, by `node:<partnerId>`, in the
 * decision log once, so the pieces after it move up.
 */
export function queueStatements(
  node: { id: number; partnerId: string },
  actions: readonly IndexAction[],
  now: Date = new Date(),
): InStatement[] {
  const submitted: InValue[] = [];
  let rows = 0;
  const withdrawn: string[] = [];
  for (const action of actions) {
    if (action.kind === 'innovation') {
      const { row } = action;
      if (!QUEUED.has(row.status) || row.submittedAt === null) continue;
      submitted.push(
        pieceKey(node.partnerId, row.recordId),
        node.id,
        node.partnerId,
        row.recordId,
        row.submittedAt,
      );
      rows++;
    } else if (action.kind === 'remove' && action.recordType === 'innovation' && action.withdrawn) {
      withdrawn.push(action.recordId);
    }
  }
  const statements: InStatement[] = [];
  if (rows > 0) {
    statements.push({
      sql: `INSERT INTO p52_pieces (piece, node_id, partner_id, record_id, submitted_at)
        VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ')}
        ON CONFLICT (piece) DO UPDATE SET submitted_at = excluded.submitted_at`,
      args: submitted,
    });
  }
  if (withdrawn.length > 0) {
    const at = now.toISOString();
    const by = `node:${node.partnerId}`;
    const marks = withdrawn.map(() => '?').join(', ');
    statements.push(
      {
        sql: `INSERT INTO p52_decisions (type, event, by, at)
          SELECT 'withdraw', json_object('type', 'withdraw', 'recordId', piece, 'by', ?, 'at', ?), ?, ?
          FROM p52_pieces WHERE node_id = ? AND record_id IN (${marks}) AND withdrawn_at IS NULL ORDER BY piece`,
        args: [by, at, by, at, node.id, ...withdrawn],
      },
      {
        sql: `UPDATE p52_pieces SET withdrawn_at = ? WHERE node_id = ? AND record_id IN (${marks}) AND withdrawn_at IS NULL`,
        args: [at, node.id, ...withdrawn],
      },
    );
  }
  return statements;
}
