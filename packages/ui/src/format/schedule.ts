import type { Schedule } from '@promise-global/schema';

type Weekday = Schedule['byday'][number];

// The week in HSDS order. Kept here (types only from the schema) so pages need no zod in the browser.
const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};

/** "Mon to Fri" for a run of days, "Mon, Wed" otherwise, "Every day" for all seven. */
export function formatDays(days: readonly Weekday[]): string {
  const sorted = WEEKDAYS.filter((day) => days.includes(day));
  if (sorted.length === 7) return 'Every day';
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const contiguous =
    first !== undefined &&
    last !== undefined &&
    WEEKDAYS.indexOf(last) - WEEKDAYS.indexOf(first) === sorted.length - 1;
  if (contiguous && sorted.length >= 3) return `${DAY_NAMES[first]} to ${DAY_NAMES[last]}`;
  return sorted.map((day) => DAY_NAMES[day]).join(', ');
}

/** One opening in words: "Mon to Fri, 09:00 to 17:00". */
export function formatOpening(schedule: {
  byday: readonly Weekday[];
  opensAt: string;
  closesAt: string;
  description?: string | undefined;
}): string {
  const base = `${formatDays(schedule.byday)}, ${schedule.opensAt} to ${schedule.closesAt}`;
  return schedule.description ? `${base} (${schedule.description})` : base;
}

/** A service's hours in words, "Open 24 hours, every day" first when it is. */
export function formatHours(service: {
  available24x7?: boolean;
  schedules?: ReadonlyArray<Parameters<typeof formatOpening>[0]>;
}): string[] {
  if (service.available24x7) return ['Open 24 hours, every day'];
  return (service.schedules ?? []).map(formatOpening);
}
