import type { HubDatabase } from '../db/database.js';
import type { DecisionEvent, QueuedPiece } from '../project52/schedule/decision-log.js';

/** The decision log as read, with the seq of its last entry (0 when empty). */
export interface LogSnapshot {
  events: DecisionEvent[];
  lastSeq: number;
}

export async function readDecisionLog(db: HubDatabase): Promise<LogSnapshot> {
  const result = await db.$client.execute('SELECT seq, event FROM p52_decisions ORDER BY seq');
  const events = result.rows.map((row) => JSON.parse(String(row.event)) as DecisionEvent);
  return { events, lastSeq: Number(result.rows.at(-1)?.seq ?? 0) };
}

/**
 * Appends `event` only if the log still ends at `expectedSeq`: a compare-and-swap in one
 * statement, so the check and the write are one atomic step even across processes. False means
 * someone else appended first: re-read, decide again.
 */
export async function appendDecision(
  db: HubDatabase,
  expectedSeq: number,
  event: DecisionEvent,
): Promise<boolean> {
  const result = await db.$client.execute({
    sql: `INSERT INTO p52_decisions (seq, type, event, by, at)
      SELECT ?, ?, ?, ?, ? WHERE (SELECT coalesce(max(seq), 0) FROM p52_decisions) = ?`,
    args: [expectedSeq + 1, event.type, JSON.stringify(event), event.by, event.at, expectedSeq],
  });
  return result.rowsAffected === 1;
}

/** Every piece ever submitted (withdrawn ones too): the queue the schedule is computed from. */
export async function readQueue(db: HubDatabase): Promise<QueuedPiece[]> {
  const result = await db.$client.execute(
    'SELECT piece, partner_id, submitted_at FROM p52_pieces ORDER BY piece',
  );
  return result.rows.map((row) => ({
    recordId: String(row.piece),
    nodeId: String(row.partner_id),
    partnerId: String(row.partner_id),
    submittedAt: String(row.submitted_at),
  }));
}

/** `partnerId/recordId` back into its parts. */
export function splitPiece(piece: string): { partnerId: string; recordId: string } {
  const slash = piece.indexOf('/');
  return { partnerId: piece.slice(0, slash), recordId: piece.slice(slash + 1) };
}
