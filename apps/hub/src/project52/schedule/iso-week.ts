import { ScheduleError } from './schedule-error.js';

/** An ISO 8601 week, written `YYYY-Www` (e.g. `2026-W53`): the week-year, not the calendar year. */
export type IsoWeek = `${number}-W${string}`;

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
// 1970-01-05 is a Monday: week indexes count whole weeks from it, so arithmetic crosses years freely.
const EPOCH_MONDAY_MS = Date.UTC(1970, 0, 5);

/** Week 1 is the week holding 4 January; its Monday, as UTC midnight. */
function mondayOfWeekOne(weekYear: number): number {
  const fourth = Date.UTC(weekYear, 0, 4);
  const isoDay = (new Date(fourth).getUTCDay() + 6) % 7; // Monday = 0
  return fourth - isoDay * DAY_MS;
}

/** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export function weeksInIsoYear(weekYear: number): 52 | 53 {
  return (mondayOfWeekOne(weekYear + 1) - mondayOfWeekOne(weekYear)) / WEEK_MS === 53 ? 53 : 52;
}

export function isIsoWeek(value: string): value is IsoWeek {
  const match = ISO_WEEK.exec(value);
  if (!match) return false;
  const week = Number(match[2]);
  return week >= 1 && week <= weeksInIsoYear(Number(match[1]));
}

/** Parses `YYYY-Www`, refusing week 53 in a 52-week year. */
export function parseIsoWeek(value: string): { weekYear: number; week: number } {
  const match = ISO_WEEK.exec(value);
  if (!match || !isIsoWeek(value)) {
    throw new ScheduleError(
      'INVALID_WEEK',
      `"${value}" is not an ISO week (YYYY-Www, week 53 only in 53-week years)`,
    );
  }
  return { weekYear: Number(match[1]), week: Number(match[2]) };
}

export function formatIsoWeek(weekYear: number, week: number): IsoWeek {
  return `${String(weekYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}` as IsoWeek;
}

/** The UTC midnight of the week's Monday. */
export function isoWeekMonday(value: IsoWeek): Date {
  const { weekYear, week } = parseIsoWeek(value);
  return new Date(mondayOfWeekOne(weekYear) + (week - 1) * WEEK_MS);
}

/** The ISO week holding a calendar date (its UTC date). */
export function isoWeekOf(date: Date): IsoWeek {
  return isoWeekFromIndex(
    Math.floor(
      (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - EPOCH_MONDAY_MS) /
        WEEK_MS,
    ),
  );
}

/** Whole weeks since the week of 1970-01-05: strictly increasing with time, so weeks compare as numbers. */
export function isoWeekIndex(value: IsoWeek): number {
  return Math.round((isoWeekMonday(value).getTime() - EPOCH_MONDAY_MS) / WEEK_MS);
}

export function isoWeekFromIndex(index: number): IsoWeek {
  const monday = EPOCH_MONDAY_MS + index * WEEK_MS;
  // The Thursday of a week lies in its week-year.
  const thursday = new Date(monday + 3 * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  return formatIsoWeek(weekYear, Math.round((monday - mondayOfWeekOne(weekYear)) / WEEK_MS) + 1);
}

export function addIsoWeeks(value: IsoWeek, weeks: number): IsoWeek {
  return isoWeekFromIndex(isoWeekIndex(value) + weeks);
}

export function compareIsoWeeks(a: IsoWeek, b: IsoWeek): number {
  return isoWeekIndex(a) - isoWeekIndex(b);
}
