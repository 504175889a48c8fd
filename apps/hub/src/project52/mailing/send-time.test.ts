import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dueWeek,
  lastSend,
  nextSend,
  openWeek,
  type SendTime,
  sendInstant,
  zonedInstant,
} from './send-time.js';

const london: SendTime = { weekday: 1, time: '09:00', timeZone: 'Europe/London' };
const DAY = 86_400_000;

describe('the weekly send time', () => {
  it('follows British summer time on and off', () => {
    expect(sendInstant('2027-W12', london).toISOString()).toBe('2027-03-22T09:00:00.000Z');
    expect(sendInstant('2027-W13', london).toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect(sendInstant('2026-W44', london).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('handles zones east and west, half-hour offsets and week 53', () => {
    const newYork: SendTime = { weekday: 4, time: '16:30', timeZone: 'America/New_York' };
    expect(sendInstant('2026-W53', newYork).toISOString()).toBe('2026-12-31T21:30:00.000Z');
    const kolkata: SendTime = { weekday: 1, time: '00:15', timeZone: 'Asia/Kolkata' };
    // Monday 00:15 in India is still Sunday in UTC, the previous ISO week's last day.
    expect(sendInstant('2027-W01', kolkata).toISOString()).toBe('2027-01-03T18:45:00.000Z');
    const sydney: SendTime = { weekday: 7, time: '09:00', timeZone: 'Australia/Sydney' };
    // Sydney's daylight saving ends at 03:00 on Sunday 4 April 2027.
    expect(sendInstant('2027-W13', sydney).toISOString()).toBe('2027-04-03T23:00:00.000Z');
    expect(sendInstant('2027-W12', sydney).toISOString()).toBe('2027-03-27T22:00:00.000Z');
  });

  it('takes the first of a repeated hour and jumps over a skipped one', () => {
    expect(
      new Date(zonedInstant(Date.UTC(2026, 9, 25, 1, 30), 'Europe/London')).toISOString(),
    ).toBe('2026-10-25T00:30:00.000Z');
    expect(
      new Date(zonedInstant(Date.UTC(2027, 2, 28, 1, 30), 'Europe/London')).toISOString(),
    ).toBe('2027-03-28T01:30:00.000Z');
  });

  it('finds the next send strictly after any instant, about a week after the last', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Australia/Sydney',
      'Asia/Kolkata',
      'Pacific/Auckland',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (instant, timeZone, weekday, minutes) => {
          const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const sendTime = { weekday: weekday as SendTime['weekday'], time, timeZone };
          const now = new Date(instant);
          const next = nextSend(now, sendTime);
          const last = lastSend(now, sendTime);
          expect(next.at.getTime()).toBeGreaterThan(instant);
          expect(last.at.getTime()).toBeLessThanOrEqual(instant);
          const gap = next.at.getTime() - last.at.getTime();
          expect(Math.abs(gap - 7 * DAY)).toBeLessThanOrEqual(3_600_000);
          expect(sendInstant(next.week, sendTime)).toEqual(next.at);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('sends a missed week once on restart within the catch-up window, and not after it', () => {
    const schedule = { weeks: [{ week: '2027-W10' as const, recordId: 'r1', placement: 'flow' }] };
    const catchUp = 3 * DAY;
    const sendAt = sendInstant('2027-W10', london).getTime();
    expect(dueWeek(new Date(sendAt - 1), london, catchUp, schedule)).toBeNull();
    expect(dueWeek(new Date(sendAt), london, catchUp, schedule)).toEqual({
      week: '2027-W10',
      recordId: 'r1',
    });
    expect(dueWeek(new Date(sendAt + 2 * DAY), london, catchUp, schedule)).toEqual({
      week: '2027-W10',
      recordId: 'r1',
    });
    const sent = { weeks: [{ week: '2027-W10' as const, recordId: 'r1', placement: 'sent' }] };
    expect(dueWeek(new Date(sendAt + 2 * DAY), london, catchUp, sent)).toBeNull();
    expect(openWeek(new Date(sendAt + 4 * DAY), london, catchUp)).toBe('2027-W11');
    expect(dueWeek(new Date(sendAt + 4 * DAY), london, catchUp, schedule)).toBeNull();
  });
});
