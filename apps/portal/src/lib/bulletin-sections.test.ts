import { describe, expect, it } from 'vitest';
import { bulletinSections } from './bulletin-sections.js';

const sent = (week: string) => ({ week, kind: 'sent' as const });
const planned = (week: string) => ({ week, kind: 'planned' as const });

describe('the bulletins page’s sections', () => {
  it('puts this week’s sent bulletin first, not in the archive', () => {
    const sections = bulletinSections(
      '2026-W49',
      [sent('2026-W47'), sent('2026-W49'), sent('2026-W48')],
      [planned('2026-W49'), planned('2026-W50')],
    );
    expect(sections.thisWeek).toEqual({ sent: sent('2026-W49'), planned: null });
    expect(sections.archive.map((b) => b.week)).toEqual(['2026-W48', '2026-W47']);
    expect(sections.comingUp.map((w) => w.week)).toEqual(['2026-W50']);
  });

  it('shows this week as planned until it is sent, and every later week however far out', () => {
    const sections = bulletinSections(
      '2026-W49',
      [sent('2026-W48')],
      [planned('2027-W10'), planned('2026-W49'), planned('2026-W50'), planned('2027-W01')],
    );
    expect(sections.thisWeek).toEqual({ sent: null, planned: planned('2026-W49') });
    expect(sections.comingUp.map((w) => w.week)).toEqual(['2026-W50', '2027-W01', '2027-W10']);
    expect(sections.archive.map((b) => b.week)).toEqual(['2026-W48']);
  });

  it('has no "this week" when the week has no piece', () => {
    const sections = bulletinSections('2026-W49', [], [planned('2026-W51')]);
    expect(sections.thisWeek).toBeNull();
    expect(sections.comingUp.map((w) => w.week)).toEqual(['2026-W51']);
  });
});
