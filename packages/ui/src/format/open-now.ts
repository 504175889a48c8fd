import type { Schedule } from '@promise-global/schema';

type Weekday = Schedule['byday'][number];
const WEEKDAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const SHORT_DAYS: Readonly<Record<string, Weekday>> = {
  Mon: 'MO',
  Tue: 'TU',
  Wed: 'WE',
  Thu: 'TH',
  Fri: 'FR',
  Sat: 'SA',
  Sun: 'SU',
};

/** The weekday and HH:MM wall-clock time at `now` in `timeZone`. */
function wallClock(now: Date, timeZone: string): { day: Weekday; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: SHORT_DAYS[part('weekday')] ?? 'MO', time: `${part('hour')}:${part('minute')}` };
}

/**
 * Whether a service is open at `now`, reading its weekly hours as wall-clock times in
 * `timeZone` (an IANA zone). Open all hours counts as open; an opening that runs past midnight
 * (17:00 to 02:00) is open early the next day too.
 */
export function isOpenNow(
  service: {
    available24x7?: boolean;
    schedules?: ReadonlyArray<Pick<Schedule, 'byday' | 'opensAt' | 'closesAt'>>;
  },
  now: Date,
  timeZone: string,
): boolean {
  if (service.available24x7) return true;
  const { day, time } = wallClock(now, timeZone);
  const yesterday = WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7] as Weekday;
  return (service.schedules ?? []).some(({ byday, opensAt, closesAt }) => {
    if (opensAt < closesAt) return byday.includes(day) && time >= opensAt && time < closesAt;
    // Past midnight (or the same time: all day).
    return (
      (byday.includes(day) && time >= opensAt) || (byday.includes(yesterday) && time < closesAt)
    );
  });
}
