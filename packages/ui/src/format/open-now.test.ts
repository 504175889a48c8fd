import type { Schedule } from '@promise-global/schema';
import { describe, expect, it } from 'vitest';
import {
  describeOpening,
  isOpenNow,
  openingStatus,
  zoneIfElsewhere,
  zoneTime,
} from './open-now.js';

const weekdays: Schedule['byday'] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const evenings = { schedules: [{ byday: weekdays, opensAt: '17:00', closesAt: '23:00' }] };
const lateNights = {
  schedules: [{ byday: ['FR'] as Schedule['byday'], opensAt: '20:00', closesAt: '02:00' }],
};

describe('isOpenNow', () => {
  it('counts a service open all hours as open', () => {
    expect(
      isOpenNow({ available24x7: true }, new Date('2026-12-06T03:00:00Z'), 'Europe/London'),
    ).toBe(true);
  });

  it('reads the hours in the given time zone', () => {
    // Thursday 3 December 2026, 15:00 in London: an evening safe haven is not open yet.
    const at = new Date('2026-12-03T15:00:00Z');
    expect(isOpenNow(evenings, at, 'Europe/London')).toBe(false);
    // 17:30 in London is 12:30 in New York.
    const later = new Date('2026-12-03T17:30:00Z');
    const hours = evenings;
    expect(isOpenNow(hours, later, 'Europe/London')).toBe(true);
    expect(isOpenNow(hours, later, 'America/New_York')).toBe(false);
  });

  it('keeps an opening that runs past midnight open into the next day', () => {
    const hours = lateNights;
    expect(isOpenNow(hours, new Date('2026-12-05T01:30:00Z'), 'Europe/London')).toBe(true); // Sat 01:30
    expect(isOpenNow(hours, new Date('2026-12-05T02:00:00Z'), 'Europe/London')).toBe(false);
    expect(isOpenNow(hours, new Date('2026-12-04T01:30:00Z'), 'Europe/London')).toBe(false); // Fri 01:30
  });

  it('follows summer time (BST): 17:30 London in July is 16:30 UTC', () => {
    const hours = evenings;
    expect(isOpenNow(hours, new Date('2026-07-02T16:30:00Z'), 'Europe/London')).toBe(true);
    expect(isOpenNow(hours, new Date('2026-07-02T15:59:00Z'), 'Europe/London')).toBe(false);
  });
});

describe('openingStatus and describeOpening', () => {
  const say = (hours: Parameters<typeof openingStatus>[0], at: string, zone: string) =>
    describeOpening(openingStatus(hours, new Date(at), zone));

  it('reads a London and a New York service at the same instant in their own zones', () => {
    // Thursday 3 December 2026, 17:30 UTC: 17:30 in London, 12:30 in New York.
    const at = '2026-12-03T17:30:00Z';
    expect(say(evenings, at, 'Europe/London')).toBe('Open now');
    expect(say(evenings, at, 'America/New_York')).toBe('Opens at 17:00');
    // 03:30 UTC on Friday: 03:30 Friday in London, 22:30 Thursday in New York.
    const night = '2026-12-04T03:30:00Z';
    expect(say(lateNights, night, 'Europe/London')).toBe('Opens at 20:00');
    expect(say(evenings, night, 'America/New_York')).toBe('Open now');
  });

  it('follows each zone’s own summer-time change (the US changes three weeks before the UK)', () => {
    const office = { schedules: [{ byday: weekdays, opensAt: '09:00', closesAt: '17:00' }] };
    // Friday 20 March 2026, 13:00 UTC: 09:00 EDT in New York (on EST it would be 08:00, closed).
    expect(say(office, '2026-03-20T13:00:00Z', 'America/New_York')).toBe('Open now');
    expect(say(office, '2026-03-20T12:59:00Z', 'America/New_York')).toBe('Opens at 09:00');
    // 17:00 GMT in London on the same Friday: just closed; next opening is Monday.
    expect(say(office, '2026-03-20T17:00:00Z', 'Europe/London')).toBe('Opens Mon 09:00');
  });

  const changeNight = {
    schedules: [{ byday: ['SU'] as Schedule['byday'], opensAt: '01:00', closesAt: '03:00' }],
  };

  it('keeps 01:00–03:00 right when the clocks go forward (Sunday 29 March 2026, London)', () => {
    // 01:00 GMT becomes 02:00 BST: the hour 01:00–02:00 never happens, so it is open one hour.
    expect(say(changeNight, '2026-03-28T23:30:00Z', 'Europe/London')).toBe('Opens Sun 01:00');
    expect(say(changeNight, '2026-03-29T00:59:00Z', 'Europe/London')).toBe('Opens at 01:00');
    expect(say(changeNight, '2026-03-29T01:00:00Z', 'Europe/London')).toBe('Open now'); // 02:00 BST
    expect(say(changeNight, '2026-03-29T01:59:00Z', 'Europe/London')).toBe('Open now'); // 02:59 BST
    expect(say(changeNight, '2026-03-29T02:00:00Z', 'Europe/London')).toBe('Opens Sun 01:00'); // 03:00 BST, next week
  });

  it('keeps 01:00–03:00 right when the clocks go back (Sunday 25 October 2026, London)', () => {
    // 02:00 BST becomes 01:00 GMT: 01:00–02:00 happens twice, so it is open three hours.
    expect(say(changeNight, '2026-10-24T23:59:00Z', 'Europe/London')).toBe('Opens at 01:00'); // 00:59 BST
    expect(say(changeNight, '2026-10-25T00:00:00Z', 'Europe/London')).toBe('Open now'); // 01:00 BST
    expect(say(changeNight, '2026-10-25T01:30:00Z', 'Europe/London')).toBe('Open now'); // 01:30 GMT, again
    expect(say(changeNight, '2026-10-25T02:59:00Z', 'Europe/London')).toBe('Open now'); // 02:59 GMT
    expect(say(changeNight, '2026-10-25T03:00:00Z', 'Europe/London')).toBe('Opens Sun 01:00');
  });

  it('takes the earliest later opening today, else the first on the next open day', () => {
    const split = {
      schedules: [
        { byday: ['MO'] as Schedule['byday'], opensAt: '18:00', closesAt: '20:00' },
        { byday: ['MO', 'WE'] as Schedule['byday'], opensAt: '09:00', closesAt: '12:00' },
      ],
    };
    // Monday 7 December 2026, 13:00 London: the evening session is next.
    expect(say(split, '2026-12-07T13:00:00Z', 'Europe/London')).toBe('Opens at 18:00');
    // Monday 21:00: Wednesday morning.
    expect(say(split, '2026-12-07T21:00:00Z', 'Europe/London')).toBe('Opens Wed 09:00');
  });

  it('says nothing for a service with no hours, and open for one open all hours', () => {
    expect(openingStatus({}, new Date('2026-12-03T12:00:00Z'), 'UTC')).toEqual({
      state: 'unknown',
    });
    expect(say({ available24x7: true }, '2026-12-03T12:00:00Z', 'UTC')).toBe('Open now');
  });
});

describe('describeOpening elsewhere', () => {
  it('names the service’s zone when the reader is in another', () => {
    const status = openingStatus(evenings, new Date('2026-12-03T15:00:00Z'), 'America/New_York');
    expect(describeOpening(status, zoneIfElsewhere('America/New_York', 'Europe/London'))).toBe(
      'Opens at 17:00 (New York time)',
    );
    expect(describeOpening(status, zoneIfElsewhere('Europe/London', 'Europe/London'))).toBe(
      'Opens at 17:00',
    );
    expect(describeOpening(status, zoneIfElsewhere(undefined, 'Europe/London'))).toBe(
      'Opens at 17:00',
    );
    expect(zoneTime('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
  });
});

describe('openingStatus inMinutes', () => {
  it('says how long until each opens, so the soonest can come first', () => {
    const at = new Date('2026-12-03T15:00:00Z'); // 15:00 London, 10:00 New York
    const london = openingStatus(evenings, at, 'Europe/London');
    const newYork = openingStatus(evenings, at, 'America/New_York');
    expect(london.state === 'opens' && london.inMinutes).toBe(120);
    expect(newYork.state === 'opens' && newYork.inMinutes).toBe(420);
    // Thursday 23:30 London: the Friday-night opening is 20:30 hours away.
    const late = openingStatus(lateNights, new Date('2026-12-03T23:30:00Z'), 'Europe/London');
    expect(late.state === 'opens' && late.inMinutes).toBe(20 * 60 + 30);
  });
});
