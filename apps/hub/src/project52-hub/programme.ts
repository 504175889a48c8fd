import type {
  Project52Decision,
  Project52PieceNotice,
  Project52Queue,
  Project52Schedule,
  Project52Week,
} from '@promise-global/sdk/client/hub';
import type { HubProject52Config } from '../config/config.js';
import type { HubDatabase } from '../db/database.js';
import { weekLabel } from '../project52/bulletin/bulletin.js';
import type { DecisionCommand, DecisionEvent } from '../project52/schedule/decision-log.js';
import { type IsoWeek, isoWeekOf } from '../project52/schedule/iso-week.js';
import { decide, type PieceStatus, type Schedule } from '../project52/schedule/schedule.js';
import { planSend, type SendPlan } from '../project52/send-plan.js';
import { comingUp } from './coming-up.js';
import { appendDecision, readDecisionLog, readQueue, splitPiece } from './decisions.js';
import { Project52Error } from './errors.js';
import { type PieceDetails, pieceDetails } from './piece-details.js';
import { refuseStale, type SeenPiece } from './stale-decision.js';
import type { LibsqlSubscriberStore } from './stores.js';

export type { SeenPiece };

function notice(piece: PieceStatus): Project52PieceNotice {
  const { partnerId, recordId } = splitPiece(piece.recordId);
  return {
    partnerId,
    recordId,
    state: piece.state,
    week: piece.week,
    sent: piece.sent,
    note: piece.note,
    reason: piece.reason,
    submittedAt: piece.submittedAt,
    decidedAt: piece.lastDecision?.at ?? null,
  };
}

function decisionOf(seq: number, event: DecisionEvent): Project52Decision {
  const base = { seq, type: event.type, by: event.by, at: event.at };
  switch (event.type) {
    case 'swap':
      return {
        ...base,
        pieces: [event.recordA, event.recordB].filter((id): id is string => id !== null),
        week: event.weekA,
        otherWeek: event.weekB,
        text: null,
      };
    case 'pin':
    case 'send':
      return { ...base, pieces: [event.recordId], week: event.week, otherWeek: null, text: null };
    case 'request_changes':
      return { ...base, pieces: [event.recordId], week: null, otherWeek: null, text: event.note };
    case 'decline':
      return { ...base, pieces: [event.recordId], week: null, otherWeek: null, text: event.reason };
    default:
      return { ...base, pieces: [event.recordId], week: null, otherWeek: null, text: null };
  }
}

/**
 * Project 52's schedule at this hub: the core's pure functions over the harvested queue and the
 * decision log in libSQL. Decisions are appended by compare-and-swap on the log's last seq (and
 * serialised in-process), so two editors can never both pass checks against the same state; a
 * decision made on a piece that has changed since the editor saw it is refused (409).
 */
export class Programme {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: HubDatabase,
    readonly config: HubProject52Config,
    private readonly subscribers: LibsqlSubscriberStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The scheduler's view now: queue + log + clock through `planSend`. */
  async plan(now = this.clock()): Promise<SendPlan & { lastSeq: number; log: DecisionEvent[] }> {
    const [queue, log] = await Promise.all([readQueue(this.db), readDecisionLog(this.db)]);
    return {
      ...planSend(now, this.config, queue, log.events),
      lastSeq: log.lastSeq,
      log: log.events,
    };
  }

  /**
   * Validates `command` against the schedule as it stands and appends the event; retried when
   * another writer (an editor, a harvested withdrawal, the scheduler) appended first.
   */
  decide(command: DecisionCommand, by: string, seen?: SeenPiece): Promise<DecisionEvent> {
    const run = this.tail.then(async () => {
      for (let attempt = 0; attempt < 8; attempt++) {
        const now = this.clock();
        const [queue, log] = await Promise.all([readQueue(this.db), readDecisionLog(this.db)]);
        const { startWeek, schedule } = planSend(now, this.config, queue, log.events);
        refuseStale(schedule, command, seen);
        const event = decide({ queue, log: log.events, startWeek }, command, by, now);
        if (await appendDecision(this.db, log.lastSeq, event)) return event;
      }
      throw new Project52Error('LOG_BUSY', 'The decision log kept changing; try again');
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private week(
    entry: Schedule['weeks'][number],
    details: Map<string, PieceDetails>,
  ): Project52Week & { week: IsoWeek } {
    const { partnerId, recordId } = splitPiece(entry.recordId);
    const detail = details.get(entry.recordId);
    return {
      week: entry.week,
      label: weekLabel(entry.week),
      partnerId,
      recordId,
      title: detail?.title ?? null,
      partnerName: detail?.partnerName ?? null,
      status: entry.placement === 'sent' ? 'sent' : 'scheduled',
    };
  }

  /** The public schedule: "this week", "coming up", every week, and each piece's standing. */
  async publicSchedule(partnerId?: string): Promise<Project52Schedule> {
    const now = this.clock();
    const [plan, details] = await Promise.all([this.plan(now), pieceDetails(this.db)]);
    const currentWeek = isoWeekOf(now);
    const weeks = plan.schedule.weeks.map((entry) => this.week(entry, details));
    return {
      currentWeek,
      startWeek: plan.startWeek,
      thisWeek: weeks.find((week) => week.week === currentWeek) ?? null,
      comingUp: comingUp(weeks, currentWeek),
      weeks,
      pieces: plan.schedule.pieces
        .map(notice)
        .filter((piece) => partnerId === undefined || piece.partnerId === partnerId),
    };
  }

  /** Each partner's pieces and where they stand, for `nodes.status`. */
  async noticesByPartner(): Promise<Map<string, Project52PieceNotice[]>> {
    const plan = await this.plan();
    const byPartner = new Map<string, Project52PieceNotice[]>();
    for (const piece of plan.schedule.pieces) {
      const item = notice(piece);
      byPartner.set(item.partnerId, [...(byPartner.get(item.partnerId) ?? []), item]);
    }
    return byPartner;
  }

  /** The editors' view. */
  async queue(): Promise<Project52Queue> {
    const now = this.clock();
    const [plan, details, counts, sends] = await Promise.all([
      this.plan(now),
      pieceDetails(this.db),
      this.subscribers.counts(),
      this.db.$client.execute(
        'SELECT week, started_at, finished_at, report FROM p52_week_sends ORDER BY week DESC',
      ),
    ]);
    return {
      currentWeek: isoWeekOf(now),
      startWeek: plan.startWeek,
      pieces: plan.schedule.pieces.map((piece, index) => {
        const detail = details.get(piece.recordId);
        return {
          ...notice(piece),
          position: index + 1,
          title: detail?.title ?? null,
          partnerName: detail?.partnerName ?? null,
          placement: piece.placement,
          pinnedTo: piece.pinnedTo,
          lastDecision: piece.lastDecision,
        };
      }),
      weeks: plan.schedule.weeks.map((entry) => this.week(entry, details)),
      decisions: plan.log.map((event, index) => decisionOf(index + 1, event)),
      subscribers: counts,
      sends: sends.rows.map((row) => {
        const report =
          row.report === null
            ? { accepted: 0, skipped: 0, failed: 0 }
            : (JSON.parse(String(row.report)) as {
                accepted: number;
                skipped: number;
                failed: number;
              });
        return {
          week: String(row.week),
          startedAt: row.started_at === null ? null : String(row.started_at),
          finishedAt: row.finished_at === null ? null : String(row.finished_at),
          ...report,
        };
      }),
      mailingEnabled: this.config.mailing.smtp !== undefined,
    };
  }
}
