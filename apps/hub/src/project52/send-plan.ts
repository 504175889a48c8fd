import type { Project52Config } from './config.js';
import { dueWeek, nextSend, openWeek, type SendTime } from './mailing/send-time.js';
import type { DecisionEvent, QueuedPiece } from './schedule/decision-log.js';
import { compareIsoWeeks, type IsoWeek } from './schedule/iso-week.js';
import { computeSchedule, type Schedule } from './schedule/schedule.js';

export interface SendPlan {
  /** The schedule's start week now: the programme start or the week open for sending, whichever is later. */
  startWeek: IsoWeek;
  schedule: Schedule;
  /** A week to start sending now: append `decide(..., { type: 'send', week })` to the log first, then run it. */
  startNow: { week: IsoWeek; recordId: string } | null;
  /**
   * The latest week whose run started within the catch-up window: run it again on start (the
   * ledger makes that skip everyone already served), in case the hub died mid-run.
   */
  resume: { week: IsoWeek; recordId: string; startedAt: Date } | null;
  /** When to look again. */
  nextCheckAt: Date;
}

function sendTimeOf(config: Project52Config['send']): SendTime {
  return {
    weekday: config.weekday as SendTime['weekday'],
    time: config.time,
    timeZone: config.timeZone,
  };
}

/** What the hub's scheduler should do at `now`: a pure function of the queue, the log and the clock. */
export function planSend(
  now: Date,
  config: Pick<Project52Config, 'programmeStart' | 'send'>,
  queue: readonly QueuedPiece[],
  log: readonly DecisionEvent[],
): SendPlan {
  const sendTime = sendTimeOf(config.send);
  const catchUpMs = config.send.catchUpHours * 3_600_000;
  const open = openWeek(now, sendTime, catchUpMs);
  const startWeek = compareIsoWeeks(open, config.programmeStart) < 0 ? config.programmeStart : open;
  const schedule = computeSchedule({ queue, log, startWeek });
  const due =
    compareIsoWeeks(open, config.programmeStart) < 0
      ? null
      : dueWeek(now, sendTime, catchUpMs, schedule);
  let resume: SendPlan['resume'] = null;
  for (const event of log) {
    if (event.type !== 'send') continue;
    const startedAt = new Date(event.at);
    if (now.getTime() - startedAt.getTime() < catchUpMs)
      resume = { week: event.week, recordId: event.recordId, startedAt };
  }
  return { startWeek, schedule, startNow: due, resume, nextCheckAt: nextSend(now, sendTime).at };
}
