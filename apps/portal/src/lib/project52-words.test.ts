import { describe, expect, it } from 'vitest';
import { isoWeekOf, queuePlace, weekAhead, weekInWords } from './project52-words.js';

describe('Project 52 in words', () => {
  it('names weeks the way readers count them', () => {
    expect(weekInWords('2026-W14')).toBe('week 14, 2026');
    expect(weekInWords('2020-W53')).toBe('week 53, 2020');
    expect(weekInWords('soon')).toBe('soon');
  });

  it('finds the ISO week across year ends', () => {
    expect(isoWeekOf(new Date('2026-12-03T12:00:00Z'))).toBe('2026-W49');
    expect(isoWeekOf(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
  });

  it('gives examples weeks ahead of today, never behind', () => {
    const today = new Date('2026-12-03T12:00:00Z');
    expect(weekAhead(today, 4)).toBe('2026-W53');
    expect(weekAhead(today, 5)).toBe('2027-W01');
    expect(weekAhead(today, 4) > isoWeekOf(today)).toBe(true);
  });

  it('calls a lone waiting piece first in the queue', () => {
    expect(queuePlace(1)).toBe('first in the queue');
    expect(queuePlace(3)).toBe('number 3 in the queue');
  });
});
