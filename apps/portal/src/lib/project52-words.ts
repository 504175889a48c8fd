const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/** "week 14, 2026" for `2026-W14`; the text itself when it is not an ISO week. */
export function weekInWords(isoWeek: string): string {
  const match = ISO_WEEK.exec(isoWeek);
  return match ? `week ${Number(match[2])}, ${match[1]}` : isoWeek;
}

/** The ISO week (`2026-W14`) holding a date, by its UTC calendar day. */
export function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const week = Math.ceil(((day.getTime() - Date.UTC(day.getUTCFullYear(), 0, 1)) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week `weeks` after the one holding `date`: examples for forms are always ahead. */
export function weekAhead(date: Date, weeks: number): string {
  return isoWeekOf(new Date(date.getTime() + weeks * 7 * DAY_MS));
}

/** Where a waiting piece stands among the pieces waiting: "first in the queue", "number 3 in the queue". */
export function queuePlace(position: number): string {
  return position === 1 ? 'first in the queue' : `number ${position} in the queue`;
}
