import { compareIsoWeeks, type IsoWeek } from '../project52/schedule/iso-week.js';

/**
 * "Coming up": every week after `currentWeek` with a piece not yet sent, soonest first, however
 * far out (a piece pinned 14 weeks ahead is as much coming up as next week's). Pages that show a
 * short list cut it themselves.
 */
export function comingUp<T extends { week: IsoWeek; status: 'scheduled' | 'sent' }>(
  weeks: readonly T[],
  currentWeek: IsoWeek,
): T[] {
  return weeks
    .filter((week) => compareIsoWeeks(week.week, currentWeek) > 0 && week.status !== 'sent')
    .sort((a, b) => compareIsoWeeks(a.week, b.week));
}
