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

const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};

type Hours = {
  available24x7?: boolean;
  schedules?: ReadonlyArray<Pick<Schedule, 'byday' | 'opensAt' | 'closesAt'>>;
};

// Building a formatter costs far more than using one, and a hub reads every candidate service's
// hours per "open now" search: one formatter per zone, kept.
const clocks = new Map<string, Intl.DateTimeFormat>();

function clockIn(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** The weekday and HH:MM wall-clock time at `now` in `timeZone`. */
function wallClock(now: Date, timeZone: string): { day: Weekday; time: string } {
  const parts = clockIn(timeZone).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: SHORT_DAYS[part('weekday')] ?? 'MO', time: `${part('hour')}:${part('minute')}` };
}

/**
 * Whether a service is open at `now`, reading its weekly hours as wall-clock times in
 * `timeZone` (an IANA zone). Open all hours counts as open; an opening that runs past midnight
 * (17:00 to 02:00) is open early the next day too.
 */
export function isOpenNow(service: Hours, now: Date, timeZone: string): boolean {
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

/**
 * Whether a service is open at `now`, and if not when it next opens, in its own time zone:
 * `open`, `opens` (with the weekday and HH:MM, and whether that is today there), or `unknown`
 * when it lists no hours.
 */
export type OpeningStatus =
  | { state: 'open' }
  | {
      state: 'opens';
      day: Weekday;
      time: string;
      today: boolean;
      /** Wall-clock minutes until it opens (an hour out across a clock change): for ordering. */
      inMinutes: number;
    }
  | { state: 'unknown' };

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export function openingStatus(service: Hours, now: Date, timeZone: string): OpeningStatus {
  if (isOpenNow(service, now, timeZone)) return { state: 'open' };
  const schedules = service.schedules ?? [];
  if (schedules.length === 0) return { state: 'unknown' };
  const { day, time } = wallClock(now, timeZone);
  const today = WEEKDAYS.indexOf(day);
  // Today after now, then each following day, up to the same weekday next week.
  for (let ahead = 0; ahead <= 7; ahead += 1) {
    const on = WEEKDAYS[(today + ahead) % 7] as Weekday;
    const times = schedules
      .filter(({ byday, opensAt }) => byday.includes(on) && (ahead > 0 || opensAt > time))
      .map(({ opensAt }) => opensAt)
      .sort();
    const first = times[0];
    if (first !== undefined) {
      const inMinutes = ahead * 1440 + minutesOf(first) - minutesOf(time);
      return { state: 'opens', day: on, time: first, today: ahead === 0, inMinutes };
    }
  }
  return { state: 'unknown' };
}

/**
 * "Open now", "Opens at 17:00" (later today), "Opens Mon 09:00"; `null` when it lists no hours.
 * `elsewhere` names the service's zone when the reader's is another: "Opens at 17:00 (New York
 * time)", so a time is not read as the reader's own.
 */
export function describeOpening(status: OpeningStatus, elsewhere?: string): string | null {
  if (status.state === 'open') return 'Open now';
  if (status.state === 'unknown') return null;
  const when = status.today
    ? `Opens at ${status.time}`
    : `Opens ${DAY_NAMES[status.day]} ${status.time}`;
  return elsewhere ? `${when} (${zoneTime(elsewhere)})` : when;
}

/** "New York time" for America/New_York: the zone's place in words. */
export function zoneTime(zone: string): string {
  if (zone === 'UTC') return 'UTC';
  return `${zone.split('/').at(-1)?.replaceAll('_', ' ') ?? zone} time`;
}

/** The service's own zone when it differs from the reader's, for {@link describeOpening}. */
export function zoneIfElsewhere(own: string | undefined, reader: string): string | undefined {
  return own !== undefined && own !== reader ? own : undefined;
}
