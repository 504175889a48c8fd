import type { IsoWeek } from './iso-week.js';

/** A submitted write-up in the editorial queue, as the hub harvested it from the node's signed record. */
export interface QueuedPiece {
  recordId: string;
  /** The hub's id of the node that signed the record. */
  nodeId: string;
  partnerId: string;
  /** The record's `submittedAt`, as signed by the node (ISO 8601 with offset). */
  submittedAt: string;
}

interface Decided {
  /** Who acted: `editor:<token name>`, `node:<node id>` for a withdrawal, `scheduler` for a send. */
  by: string;
  /** When, ISO 8601. */
  at: string;
}

/**
 * One entry of the append-only Project 52 decision log. The schedule is a pure function of the
 * queue and this log ({@link computeSchedule}), so it can always be recomputed and audited.
 */
export type DecisionEvent = Decided &
  (
    | { type: 'approve'; recordId: string }
    | { type: 'request_changes'; recordId: string; note: string }
    | { type: 'decline'; recordId: string; reason: string }
    | { type: 'withdraw'; recordId: string }
    | { type: 'pin'; recordId: string; week: IsoWeek }
    | { type: 'unpin'; recordId: string }
    /** Resolved when decided: the pieces then in each week, so replay never depends on the flow. */
    | {
        type: 'swap';
        weekA: IsoWeek;
        weekB: IsoWeek;
        recordA: string | null;
        recordB: string | null;
      }
    /** The week's send run started: from here the week and its piece are frozen. */
    | { type: 'send'; week: IsoWeek; recordId: string }
  );

export type DecisionType = DecisionEvent['type'];

/** What an editor (or the scheduler, or a node's withdrawal) asks for; `decide` turns it into an event. */
export type DecisionCommand =
  | { type: 'approve'; recordId: string }
  | { type: 'request_changes'; recordId: string; note: string }
  | { type: 'decline'; recordId: string; reason: string }
  | { type: 'withdraw'; recordId: string }
  | { type: 'pin'; recordId: string; week: IsoWeek }
  | { type: 'unpin'; recordId: string }
  | { type: 'swap'; weekA: IsoWeek; weekB: IsoWeek }
  | { type: 'send'; week: IsoWeek };
