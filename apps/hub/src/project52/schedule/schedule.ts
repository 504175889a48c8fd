import type { DecisionCommand, DecisionEvent, QueuedPiece } from './decision-log.js';
import { type IsoWeek, isoWeekFromIndex, isoWeekIndex, parseIsoWeek } from './iso-week.js';
import { sortQueue } from './queue-order.js';
import { ScheduleError } from './schedule-error.js';
import {
  type Assignment,
  applyEvent,
  assignWeeks,
  type PieceState,
  type Placement,
  refusal,
  type ScheduleState,
} from './schedule-state.js';

export type { PieceState, Placement } from './schedule-state.js';

export interface ScheduleInput {
  /** Every piece ever submitted to the hub, withdrawn ones included, in any order. */
  queue: readonly QueuedPiece[];
  /** The append-only decision log, oldest first. */
  log: readonly DecisionEvent[];
  /**
   * The earliest week a piece may be given: the programme's first week, or the week now open for
   * sending if later. Weeks before it keep only what was sent.
   */
  startWeek: IsoWeek;
}

export interface ScheduledWeek {
  week: IsoWeek;
  recordId: string;
  partnerId: string | null;
  placement: Placement;
}

export interface PieceStatus extends QueuedPiece {
  state: PieceState;
  /** The week it runs (or ran), when it has one. */
  week: IsoWeek | null;
  placement: Placement | null;
  sent: boolean;
  pinnedTo: IsoWeek | null;
  /** The editor's note when changes were requested: the node shows it to its staff. */
  note: string | null;
  /** The editor's reason when declined. */
  reason: string | null;
  lastDecision: { type: DecisionEvent['type']; by: string; at: string } | null;
}

export interface Schedule {
  startWeek: IsoWeek;
  /** One entry per week that holds a piece, earliest first. */
  weeks: ScheduledWeek[];
  /** Every queued piece, in queue order. */
  pieces: PieceStatus[];
  /** Log entries that could not apply on replay (never for a log written through `decide`). */
  ignored: Array<{ index: number; code: string }>;
}

function replay(input: ScheduleInput): { state: ScheduleState; ignored: Schedule['ignored'] } {
  parseIsoWeek(input.startWeek);
  const ordered = sortQueue(input.queue);
  const state: ScheduleState = {
    startIndex: isoWeekIndex(input.startWeek),
    pieces: new Map(),
    order: [],
    sent: new Map(),
  };
  for (const piece of ordered) {
    if (state.pieces.has(piece.recordId)) continue;
    state.order.push(piece.recordId);
    state.pieces.set(piece.recordId, {
      piece,
      state: 'queued',
      pinnedTo: null,
      sentWeek: null,
      note: null,
      reason: null,
      lastDecision: null,
    });
  }
  const ignored: Schedule['ignored'] = [];
  input.log.forEach((event, index) => {
    const code = refusal(state, event);
    if (code === null) applyEvent(state, event);
    else ignored.push({ index, code });
  });
  return { state, ignored };
}

function describe(
  state: ScheduleState,
  assignment: Assignment,
  startWeek: IsoWeek,
  ignored: Schedule['ignored'],
): Schedule {
  const weeks = [...assignment.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, entry]) => ({
      week: isoWeekFromIndex(index),
      recordId: entry.recordId,
      partnerId: state.pieces.get(entry.recordId)?.piece.partnerId ?? null,
      placement: entry.placement,
    }));
  const byRecord = new Map(weeks.map((week) => [week.recordId, week]));
  const pieces = state.order.flatMap((recordId) => {
    const record = state.pieces.get(recordId);
    if (record === undefined) return [];
    const placed = byRecord.get(recordId);
    return [
      {
        ...record.piece,
        state: record.state,
        week: placed?.week ?? null,
        placement: placed?.placement ?? null,
        sent: record.sentWeek !== null,
        pinnedTo: record.pinnedTo,
        note: record.note,
        reason: record.reason,
        lastDecision: record.lastDecision,
      },
    ];
  });
  return { startWeek, weeks, pieces, ignored };
}

/**
 * The Project 52 schedule as a pure function of the queue and the decision log: sent weeks stay
 * as they went out; pinned pieces hold their week; every other approved piece, in signed
 * submission order ({@link compareQueueOrder}), takes the earliest free week from `startWeek`.
 */
export function computeSchedule(input: ScheduleInput): Schedule {
  const { state, ignored } = replay(input);
  return describe(state, assignWeeks(state), input.startWeek, ignored);
}

/**
 * Checks an editor's (or the scheduler's, or a node's) command against the schedule as it stands
 * and returns the event to append to the log; throws {@link ScheduleError} when it cannot apply.
 */
export function decide(
  input: ScheduleInput,
  command: DecisionCommand,
  by: string,
  at: Date,
): DecisionEvent {
  const { state } = replay(input);
  const assignment = assignWeeks(state);
  const stamp = { by, at: at.toISOString() };
  const startIndex = isoWeekIndex(input.startWeek);
  const weekAt = (week: IsoWeek) => {
    const index = isoWeekIndex(week);
    if (index < startIndex && !state.sent.has(index)) {
      throw new ScheduleError(
        'WEEK_BEFORE_START',
        `${week} is before ${input.startWeek}, the first open week`,
      );
    }
    return assignment.get(index)?.recordId ?? null;
  };
  let event: DecisionEvent;
  switch (command.type) {
    case 'swap':
      event = {
        ...command,
        ...stamp,
        recordA: weekAt(command.weekA),
        recordB: weekAt(command.weekB),
      };
      break;
    case 'pin': {
      weekAt(command.week);
      const holder = assignment.get(isoWeekIndex(command.week));
      if (holder?.placement === 'pinned' && holder.recordId !== command.recordId) {
        throw new ScheduleError(
          'WEEK_PINNED',
          `${command.week} is pinned to another piece; swap or unpin it first`,
        );
      }
      event = { ...command, ...stamp };
      break;
    }
    case 'send': {
      const recordId = weekAt(command.week);
      if (recordId === null)
        throw new ScheduleError('WEEKS_EMPTY', `No piece is scheduled for ${command.week}`);
      event = { ...command, ...stamp, recordId };
      break;
    }
    default:
      event = { ...command, ...stamp };
  }
  const code = refusal(state, event);
  if (code !== null) throw new ScheduleError(code, `Cannot ${command.type}: ${code}`);
  return event;
}

/** Which week a piece runs in, when it has one. */
export function weekOf(schedule: Schedule, recordId: string): IsoWeek | null {
  return schedule.pieces.find((piece) => piece.recordId === recordId)?.week ?? null;
}

/** One line of the published schedule ("coming up" on nodes and the portal). */
export interface PublishedWeek {
  week: IsoWeek;
  recordId: string;
  partnerId: string | null;
  status: 'sent' | 'scheduled';
}

/**
 * The schedule as the hub publishes it: which piece runs which week, nothing about editors'
 * notes, reasons or pins (those go only to the piece's own node, through `pieces`).
 */
export function publishedSchedule(schedule: Schedule): PublishedWeek[] {
  return schedule.weeks.map((entry) => ({
    week: entry.week,
    recordId: entry.recordId,
    partnerId: entry.partnerId,
    status: entry.placement === 'sent' ? 'sent' : 'scheduled',
  }));
}
