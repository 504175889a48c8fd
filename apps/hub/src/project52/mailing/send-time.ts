import { addIsoWeeks, type IsoWeek, isoWeekMonday, isoWeekOf } from '../schedule/iso-week.js';

/** When the weekly bulletin goes out: an ISO weekday (1 = Monday) and a wall-clock time in an IANA zone. */
export interface SendTime {
  weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** `HH:MM`, 24-hour, on the zone's wall clock. */
  time: string;
  timeZone: string;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockAt(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
}

/**
 * The instant the zone's wall clock shows `wall` (a UTC-encoded wall-clock time). When the clocks
 * go back and the time happens twice, the first; when they go forward and it never happens, the
 * same distance past the jump (01:30 in a 01:00→02:00 gap is 02:30), as Temporal's "compatible" does.
 */
export function zonedInstant(wall: number, timeZone: string): number {
  const offsets = [
    wallClockAt(wall - DAY_MS, timeZone) - (wall - DAY_MS),
    wallClockAt(wall + DAY_MS, timeZone) - (wall + DAY_MS),
  ];
  const valid = offsets
    .map((offset) => wall - offset)
    .filter((instant) => wallClockAt(instant, timeZone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  return wall - (offsets[0] ?? 0);
}

function parseTime(time: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time of day (HH:MM)`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The send instant of an ISO week: its weekday's date at the configured wall-clock time in the zone. */
export function sendInstant(week: IsoWeek, sendTime: SendTime): Date {
  const { hour, minute } = parseTime(sendTime.time);
  const day = isoWeekMonday(week).getTime() + (sendTime.weekday - 1) * DAY_MS;
  return new Date(zonedInstant(day + hour * 3_600_000 + minute * 60_000, sendTime.timeZone));
}

/** The first send strictly after `after`, and its week. */
export function nextSend(after: Date, sendTime: SendTime): { week: IsoWeek; at: Date } {
  let week = addIsoWeeks(isoWeekOf(after), -1);
  for (;;) {
    const at = sendInstant(week, sendTime);
    if (at.getTime() > after.getTime()) return { week, at };
    week = addIsoWeeks(week, 1);
  }
}

/** The latest send at or before `now`, and its week. */
export function lastSend(now: Date, sendTime: SendTime): { week: IsoWeek; at: Date } {
  let week = addIsoWeeks(isoWeekOf(now), 1);
  for (;;) {
    const at = sendInstant(week, sendTime);
    if (at.getTime() <= now.getTime()) return { week, at };
    week = addIsoWeeks(week, -1);
  }
}

/**
 * The week now open for sending, which is also the schedule's start week. The missed-send rule:
 * a week whose send time passed without a send (the hub was down) still goes out, once, if the
 * hub is back within `catchUpMs`; after that the week has lapsed and its piece re-flows to the
 * next week rather than arriving days late.
 */
export function openWeek(now: Date, sendTime: SendTime, catchUpMs: number): IsoWeek {
  const last = lastSend(now, sendTime);
  return now.getTime() - last.at.getTime() < catchUpMs ? last.week : addIsoWeeks(last.week, 1);
}

/**
 * The week to send right now, if any: the open week when its send time has come, it holds a
 * piece and it has not been sent. Sent weeks are frozen in the decision log, so a restarted hub
 * asks this again and never sends a week twice.
 */
export function dueWeek(
  now: Date,
  sendTime: SendTime,
  catchUpMs: number,
  schedule: { weeks: ReadonlyArray<{ week: IsoWeek; recordId: string; placement: string }> },
): { week: IsoWeek; recordId: string } | null {
  const week = openWeek(now, sendTime, catchUpMs);
  if (sendInstant(week, sendTime).getTime() > now.getTime()) return null;
  const entry = schedule.weeks.find((w) => w.week === week);
  if (entry === undefined || entry.placement === 'sent') return null;
  return { week, recordId: entry.recordId };
}
