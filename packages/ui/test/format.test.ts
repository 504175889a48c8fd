import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatAgeRange,
  formatDate,
  formatDays,
  formatHours,
  labelFor,
  reviewStatus,
  telHref,
} from '../src/format/index.js';

const NOW = new Date('2026-11-22T12:00:00Z');

describe('reviewStatus', () => {
  it('is overdue once the review date has passed', () => {
    expect(
      reviewStatus({ assuredAt: '2026-01-10T09:00:00Z', reviewDue: '2026-07-10' }, NOW),
    ).toEqual({
      checkedAt: '2026-01-10T09:00:00Z',
      overdue: true,
      checked: false,
    });
  });

  it('is not overdue on the review date itself', () => {
    expect(
      reviewStatus({ assuredAt: '2026-05-22T09:00:00Z', reviewDue: '2026-11-22' }, NOW).overdue,
    ).toBe(false);
  });

  it('without a review date, is overdue six months after the last check', () => {
    expect(reviewStatus({ assuredAt: '2026-06-01T00:00:00Z' }, NOW).overdue).toBe(false);
    expect(reviewStatus({ assuredAt: '2026-04-01T00:00:00Z' }, NOW).overdue).toBe(true);
  });

  it('is overdue when the owner never checked the listing', () => {
    expect(reviewStatus({}, NOW)).toEqual({ checkedAt: null, overdue: true, checked: false });
  });
});

describe('opening hours in words', () => {
  it('names runs of days and lists scattered ones', () => {
    expect(formatDays(['MO', 'TU', 'WE', 'TH', 'FR'])).toBe('Mon to Fri');
    expect(formatDays(['SU', 'MO'])).toBe('Mon, Sun');
    expect(formatDays(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])).toBe('Every day');
  });

  it('says open 24 hours before any schedule, and describes each opening', () => {
    expect(formatHours({ available24x7: true, schedules: [] })).toEqual([
      'Open 24 hours, every day',
    ]);
    expect(
      formatHours({
        schedules: [
          { byday: ['SA', 'SU'], opensAt: '10:00', closesAt: '14:00', description: 'drop-in' },
        ],
      }),
    ).toEqual(['Sat, Sun, 10:00 to 14:00 (drop-in)']);
  });
});

describe('small formatters', () => {
  it('makes tel: links from listed numbers', () => {
    expect(telHref('01632 960001')).toBe('tel:01632960001');
    expect(telHref('+44 1632 960001')).toBe('tel:+441632960001');
    expect(telHref('116 123')).toBe('tel:116123');
  });

  it('describes age ranges', () => {
    expect(formatAgeRange(16, 65)).toBe('Ages 16 to 65');
    expect(formatAgeRange(18, undefined)).toBe('Ages 18 and over');
    expect(formatAgeRange(undefined, 25)).toBe('Ages up to 25');
    expect(formatAgeRange(0, undefined)).toBeNull();
  });

  it('labels controlled values from a table, or readably without one', () => {
    expect(labelFor('crisis_care', { crisis_care: 'Crisis care' })).toBe('Crisis care');
    expect(labelFor('home_treatment')).toBe('Home treatment');
  });

  it('formats dates in UTC and ages in words', () => {
    expect(formatDate('2026-11-22T23:30:00-05:00')).toBe('23 November 2026');
    expect(formatAge(NOW.getTime() - 90_000, NOW.getTime())).toBe('2 minutes ago');
    expect(formatAge(NOW.getTime() - 3 * 86_400_000, NOW.getTime())).toBe('3 days ago');
  });
});
