import type { DecisionCommand } from '../project52/schedule/decision-log.js';
import type { Schedule } from '../project52/schedule/schedule.js';
import type { PieceState } from '../project52/schedule/schedule-state.js';
import { Project52Error } from './errors.js';

/** A piece's standing when an editor read it: its state and when it was last decided. */
export interface SeenPiece {
  state: PieceState;
  decidedAt: string | null;
}

/** The state a decision leads to, for the decisions that would change nothing when repeated. */
const ENDS_IN: Partial<Record<DecisionCommand['type'], PieceState>> = {
  approve: 'approved',
  decline: 'declined',
};

/**
 * Refuses a decision made on a piece that has changed since the editor saw it (optimistic
 * concurrency: `seen` is the version it was made on), and a repeat that would change nothing, so
 * the log holds one event per change of state and no editor is told "done" for an overridden call.
 */
export function refuseStale(
  schedule: Schedule,
  command: DecisionCommand,
  seen: SeenPiece | undefined,
): void {
  if (!('recordId' in command)) return;
  const piece = schedule.pieces.find((candidate) => candidate.recordId === command.recordId);
  if (piece === undefined) return; // `decide` names the unknown piece
  const decidedAt = piece.lastDecision?.at ?? null;
  const changed =
    seen !== undefined && (seen.state !== piece.state || seen.decidedAt !== decidedAt);
  if (!changed && ENDS_IN[command.type] !== piece.state) return;
  const last = piece.lastDecision;
  const how = last ? ` (${last.type} by ${last.by} at ${last.at})` : '';
  throw new Project52Error(
    'DECISION_CONFLICT',
    `${command.recordId} is now ${piece.state}${how}; reload and decide again`,
  );
}
