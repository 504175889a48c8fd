import { describe, expect, it } from 'vitest';
import {
  addIsoWeeks,
  isIsoWeek,
  isoWeekIndex,
  isoWeekMonday,
  isoWeekOf,
  parseIsoWeek,
  weeksInIsoYear,
} from './iso-week.js';

describe('ISO weeks', () => {
  it('knows which years have a week 53', () => {
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(weeksInIsoYear(2032)).toBe(53);
    expect(weeksInIsoYear(2025)).toBe(52);
    expect(weeksInIsoYear(2027)).toBe(52);
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2027-W53')).toBe(false);
    expect(() => parseIsoWeek('2027-W53')).toThrow(/ISO week/);
    expect(() => parseIsoWeek('2027-W00')).toThrow(/ISO week/);
  });

  it('places dates near the new year in the right week-year', () => {
    expect(isoWeekOf(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-03T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01');
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeekMonday('2025-W01').toISOString()).toBe('2024-12-30T00:00:00.000Z');
    expect(isoWeekMonday('2026-W41').toISOString()).toBe('2026-10-05T00:00:00.000Z');
  });

  it('steps across week 53 and year boundaries', () => {
    expect(addIsoWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addIsoWeeks('2026-W52', 2)).toBe('2027-W01');
    expect(addIsoWeeks('2027-W52', 1)).toBe('2028-W01');
    expect(addIsoWeeks('2027-W01', -1)).toBe('2026-W53');
    expect(isoWeekIndex('2027-W01') - isoWeekIndex('2026-W01')).toBe(53);
  });

  it('counts weeks without gaps or repeats for a century', () => {
    const start = isoWeekIndex('2000-W01');
    const broken: string[] = [];
    for (let index = start; index < start + 5_300; index++) {
      const week = addIsoWeeks('2000-W01', index - start);
      const monday = isoWeekMonday(week);
      if (isoWeekIndex(week) !== index || isoWeekOf(monday) !== week || monday.getUTCDay() !== 1)
        broken.push(week);
    }
    expect(broken).toEqual([]);
  });
});
