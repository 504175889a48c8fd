import type { DecisionEvent, QueuedPiece } from './decision-log.js';
import { type IsoWeek, isoWeekIndex } from './iso-week.js';
import type { ScheduleErrorCode } from './schedule-error.js';

export type PieceState = 'queued' | 'approved' | 'changes_requested' | 'declined' | 'withdrawn';

export interface PieceRecord {
  piece: QueuedPiece;
  state: PieceState;
  pinnedTo: IsoWeek | null;
  sentWeek: IsoWeek | null;
  note: string | null;
  reason: string | null;
  lastDecision: { type: DecisionEvent['type']; by: string; at: string } | null;
}

/** The log replayed so far: per-piece state (queue order) and the frozen weeks. */
export interface ScheduleState {
  startIndex: number;
  pieces: Map<string, PieceRecord>;
  /** Queue order of record ids. */
  order: string[];
  /** Week index → record id, for sent weeks. */
  sent: Map<number, string>;
}

export type Placement = 'flow' | 'pinned' | 'sent';

/** Week index → the piece there and why. */
export type Assignment = Map<number, { recordId: string; placement: Placement }>;

/**
 * Places pieces: sent weeks stay as they went out; pins in force take their week; every other
 * approved piece, in queue order, takes the earliest free week from the start week. A pin to a
 * week before the start that never went out has lapsed: that piece flows like the rest.
 */
export function assignWeeks(state: ScheduleState): Assignment {
  const assignment: Assignment = new Map();
  for (const [index, recordId] of state.sent)
    assignment.set(index, { recordId, placement: 'sent' });
  const flowing: string[] = [];
  for (const recordId of state.order) {
    const record = state.pieces.get(recordId);
    if (record === undefined || record.state !== 'approved' || record.sentWeek !== null) continue;
    const pin = record.pinnedTo === null ? null : isoWeekIndex(record.pinnedTo);
    if (pin !== null && pin >= state.startIndex && !assignment.has(pin)) {
      assignment.set(pin, { recordId, placement: 'pinned' });
    } else {
      flowing.push(recordId);
    }
  }
  let cursor = state.startIndex;
  for (const recordId of flowing) {
    while (assignment.has(cursor)) cursor++;
    assignment.set(cursor, { recordId, placement: 'flow' });
  }
  return assignment;
}

function editable(record: PieceRecord | undefined): ScheduleErrorCode | PieceRecord {
  if (record === undefined) return 'PIECE_NOT_FOUND';
  if (record.sentWeek !== null) return 'PIECE_ALREADY_SENT';
  if (record.state === 'withdrawn') return 'PIECE_WITHDRAWN';
  return record;
}

function pinnable(
  state: ScheduleState,
  recordId: string | null,
  week: IsoWeek,
): ScheduleErrorCode | null {
  if (state.sent.has(isoWeekIndex(week))) return 'WEEK_ALREADY_SENT';
  if (recordId === null) return null;
  const record = editable(state.pieces.get(recordId));
  if (typeof record === 'string') return record;
  return record.state === 'approved' ? null : 'PIECE_NOT_APPROVED';
}

/**
 * Why an event cannot apply to the state, or null. The same rules run when an editor decides
 * and when the log is replayed, so a log written through `decide` always replays in full.
 */
export function refusal(state: ScheduleState, event: DecisionEvent): ScheduleErrorCode | null {
  switch (event.type) {
    case 'approve':
    case 'request_changes':
    case 'decline': {
      const record = editable(state.pieces.get(event.recordId));
      if (typeof record === 'string') return record;
      if (event.type === 'request_changes' && event.note.trim() === '') return 'TEXT_REQUIRED';
      if (event.type === 'decline' && event.reason.trim() === '') return 'TEXT_REQUIRED';
      return null;
    }
    case 'withdraw':
      return state.pieces.has(event.recordId) ? null : 'PIECE_NOT_FOUND';
    case 'pin':
      return pinnable(state, event.recordId, event.week);
    case 'unpin': {
      const record = editable(state.pieces.get(event.recordId));
      return typeof record === 'string' ? record : null;
    }
    case 'swap':
      if (event.weekA === event.weekB) return 'SAME_WEEK';
      if (event.recordA === null && event.recordB === null) return 'WEEKS_EMPTY';
      return (
        pinnable(state, event.recordA, event.weekB) ?? pinnable(state, event.recordB, event.weekA)
      );
    case 'send': {
      // A piece missing from the queue still keeps its sent week: what went out never changes.
      if (state.sent.has(isoWeekIndex(event.week))) return 'WEEK_ALREADY_SENT';
      return state.pieces.get(event.recordId)?.sentWeek == null ? null : 'PIECE_ALREADY_SENT';
    }
  }
}

function pinTo(
  state: ScheduleState,
  recordId: string,
  week: IsoWeek,
  keep: ReadonlySet<string>,
): void {
  // One pin per week: a later pin to the same week displaces the earlier one, which re-flows.
  for (const other of state.pieces.values()) {
    if (other.pinnedTo === week && !keep.has(other.piece.recordId)) other.pinnedTo = null;
  }
  const record = state.pieces.get(recordId);
  if (record !== undefined) record.pinnedTo = week;
}

/** Applies an event that passed {@link refusal}. */
export function applyEvent(state: ScheduleState, event: DecisionEvent): void {
  const decided = { type: event.type, by: event.by, at: event.at };
  const touch = (recordId: string | null) => {
    const record = recordId === null ? undefined : state.pieces.get(recordId);
    if (record !== undefined) record.lastDecision = decided;
    return record;
  };
  switch (event.type) {
    case 'approve': {
      const record = touch(event.recordId);
      if (record) Object.assign(record, { state: 'approved', note: null, reason: null });
      return;
    }
    case 'request_changes': {
      const record = touch(event.recordId);
      if (record)
        Object.assign(record, { state: 'changes_requested', note: event.note, pinnedTo: null });
      return;
    }
    case 'decline': {
      const record = touch(event.recordId);
      if (record)
        Object.assign(record, { state: 'declined', reason: event.reason, pinnedTo: null });
      return;
    }
    case 'withdraw': {
      const record = touch(event.recordId);
      if (record) Object.assign(record, { state: 'withdrawn', pinnedTo: null });
      return;
    }
    case 'pin':
      touch(event.recordId);
      pinTo(state, event.recordId, event.week, new Set([event.recordId]));
      return;
    case 'unpin': {
      const record = touch(event.recordId);
      if (record) record.pinnedTo = null;
      return;
    }
    case 'swap': {
      const pair = new Set(
        [event.recordA, event.recordB].filter((id): id is string => id !== null),
      );
      touch(event.recordA);
      touch(event.recordB);
      if (event.recordA !== null) pinTo(state, event.recordA, event.weekB, pair);
      if (event.recordB !== null) pinTo(state, event.recordB, event.weekA, pair);
      return;
    }
    case 'send': {
      const record = touch(event.recordId);
      state.sent.set(isoWeekIndex(event.week), event.recordId);
      if (record) record.sentWeek = event.week;
      return;
    }
  }
}
