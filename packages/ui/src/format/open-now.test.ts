import type { Schedule } from '@promise-global/schema';
import { describe, expect, it } from 'vitest';
import { isOpenNow } from './open-now.js';

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
