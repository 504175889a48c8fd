import { describe, expect, it } from 'vitest';
import { addIsoWeeks, type IsoWeek } from '../project52/schedule/iso-week.js';
import { comingUp } from './coming-up.js';

const now: IsoWeek = '2026-W49';
const week = (ahead: number, status: 'scheduled' | 'sent' = 'scheduled') => ({
  week: addIsoWeeks(now, ahead),
  status,
});

describe('coming up', () => {
  it('lists every approved week after this one, however far out, soonest first', () => {
    const weeks = [week(14), week(0), week(-1, 'sent'), week(1), week(30), week(13)];
    expect(comingUp(weeks, now).map((w) => w.week)).toEqual([
      '2026-W50',
      '2027-W09',
      '2027-W10',
      '2027-W26',
    ]);
  });

  it('leaves out this week and weeks already sent', () => {
    expect(comingUp([week(0), week(2, 'sent')], now)).toEqual([]);
  });
});
