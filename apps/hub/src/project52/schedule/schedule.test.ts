import { describe, expect, it } from 'vitest';
import type { DecisionCommand, DecisionEvent, QueuedPiece } from './decision-log.js';
import type { IsoWeek } from './iso-week.js';
import { compareQueueOrder } from './queue-order.js';
import { computeSchedule, decide, publishedSchedule } from './schedule.js';
import { ScheduleError } from './schedule-error.js';

function thrownCode(act: () => void): string | null {
  try {
    act();
    return null;
  } catch (error) {
    if (error instanceof ScheduleError) return error.code;
    throw error;
  }
}

const piece = (
  recordId: string,
  submittedAt: string,
  nodeId = 'node-a',
  partnerId = nodeId,
): QueuedPiece => ({
  recordId,
  nodeId,
  partnerId,
  submittedAt,
});

function editorial(queue: QueuedPiece[], startWeek: IsoWeek) {
  const log: DecisionEvent[] = [];
  let clock = Date.parse('2026-09-01T09:00:00Z');
  return {
    log,
    act(command: DecisionCommand, by = 'editor:anita') {
      clock += 60_000;
      log.push(decide({ queue, log, startWeek }, command, by, new Date(clock)));
    },
    schedule: () => computeSchedule({ queue, log, startWeek }),
    weeks: () =>
      computeSchedule({ queue, log, startWeek }).weeks.map((w) => `${w.week}:${w.recordId}`),
  };
}

describe('the editorial queue', () => {
  it('orders by the signed submission instant, then node id, then record id', () => {
    const queue = [
      piece('r3', '2026-09-01T10:00:00+01:00', 'node-b'), // 09:00Z
      piece('r1', '2026-09-01T09:00:00Z', 'node-a'),
      piece('r2', '2026-09-01T08:30:00Z', 'node-c'),
      piece('r0', '2026-09-01T09:00:00Z', 'node-a'),
    ];
    expect([...queue].sort(compareQueueOrder).map((p) => p.recordId)).toEqual([
      'r2',
      'r0',
      'r1',
      'r3',
    ]);
  });
});

describe('the Project 52 schedule', () => {
  const queue = [
    piece('a', '2026-09-01T09:00:00Z', 'cpft'),
    piece('b', '2026-09-02T09:00:00Z', 'yale'),
    piece('c', '2026-09-03T09:00:00Z', 'cpft'),
    piece('d', '2026-09-04T09:00:00Z', 'mersey'),
  ];

  it('gives approved pieces the earliest free weeks in submission order, across week 53', () => {
    const desk = editorial(queue, '2026-W52');
    for (const id of ['d', 'c', 'b', 'a']) desk.act({ type: 'approve', recordId: id });
    expect(desk.weeks()).toEqual(['2026-W52:a', '2026-W53:b', '2027-W01:c', '2027-W02:d']);
    expect(desk.schedule().pieces.map((p) => p.lastDecision?.by)).toEqual(
      Array(4).fill('editor:anita'),
    );
  });

  it('lets a partner hold several weeks and keeps unapproved pieces out', () => {
    const desk = editorial(queue, '2026-W10');
    desk.act({ type: 'approve', recordId: 'c' });
    desk.act({ type: 'approve', recordId: 'a' });
    desk.act({ type: 'request_changes', recordId: 'b', note: 'Please add an outcome measure.' });
    desk.act({
      type: 'decline',
      recordId: 'd',
      reason: 'Describes a patient who could be identified.',
    });
    expect(desk.weeks()).toEqual(['2026-W10:a', '2026-W11:c']);
    const status = desk.schedule().pieces;
    expect(status.find((p) => p.recordId === 'b')).toMatchObject({
      state: 'changes_requested',
      note: 'Please add an outcome measure.',
      week: null,
    });
    expect(status.find((p) => p.recordId === 'd')).toMatchObject({ state: 'declined', week: null });
    expect(thrownCode(() => desk.act({ type: 'decline', recordId: 'a', reason: '  ' }))).toBe(
      'TEXT_REQUIRED',
    );
  });

  it('pins a piece to World Mental Health Day week and re-flows the rest', () => {
    const desk = editorial(queue, '2026-W40');
    for (const id of ['a', 'b', 'c', 'd']) desk.act({ type: 'approve', recordId: id });
    desk.act({ type: 'pin', recordId: 'd', week: '2026-W41' });
    expect(desk.weeks()).toEqual(['2026-W40:a', '2026-W41:d', '2026-W42:b', '2026-W43:c']);
    expect(thrownCode(() => desk.act({ type: 'pin', recordId: 'c', week: '2026-W41' }))).toBe(
      'WEEK_PINNED',
    );
    expect(thrownCode(() => desk.act({ type: 'pin', recordId: 'c', week: '2026-W39' }))).toBe(
      'WEEK_BEFORE_START',
    );
  });

  it('swaps two weeks by pinning each piece to the other week', () => {
    const desk = editorial(queue, '2026-W40');
    for (const id of ['a', 'b', 'c']) desk.act({ type: 'approve', recordId: id });
    desk.act({ type: 'swap', weekA: '2026-W40', weekB: '2026-W42' });
    expect(desk.weeks()).toEqual(['2026-W40:c', '2026-W41:b', '2026-W42:a']);
    desk.act({ type: 'swap', weekA: '2026-W42', weekB: '2026-W45' });
    expect(desk.weeks()).toEqual(['2026-W40:c', '2026-W41:b', '2026-W45:a']);
  });

  it('moves the following pieces up when one is withdrawn, but never a sent week', () => {
    const desk = editorial(queue, '2026-W40');
    for (const id of ['a', 'b', 'c', 'd']) desk.act({ type: 'approve', recordId: id });
    desk.act({ type: 'send', week: '2026-W40' }, 'scheduler');
    desk.act({ type: 'withdraw', recordId: 'b' }, 'node:yale');
    expect(desk.weeks()).toEqual(['2026-W40:a', '2026-W41:c', '2026-W42:d']);
    desk.act({ type: 'withdraw', recordId: 'a' }, 'node:cpft');
    expect(desk.weeks()).toEqual(['2026-W40:a', '2026-W41:c', '2026-W42:d']);
    expect(
      thrownCode(() => desk.act({ type: 'swap', weekA: '2026-W40', weekB: '2026-W41' })),
    ).toMatch(/ALREADY_SENT/);
    expect(thrownCode(() => desk.act({ type: 'send', week: '2026-W40' }, 'scheduler'))).toBe(
      'WEEK_ALREADY_SENT',
    );
  });

  it("publishes which piece runs which week, and nothing of the editors' notes", () => {
    const desk = editorial(queue, '2026-W40');
    for (const id of ['a', 'b']) desk.act({ type: 'approve', recordId: id });
    desk.act({ type: 'request_changes', recordId: 'c', note: 'Private note for the author' });
    desk.act({ type: 'send', week: '2026-W40' }, 'scheduler');
    const published = publishedSchedule(desk.schedule());
    expect(published).toEqual([
      { week: '2026-W40', recordId: 'a', partnerId: 'cpft', status: 'sent' },
      { week: '2026-W41', recordId: 'b', partnerId: 'yale', status: 'scheduled' },
    ]);
    expect(JSON.stringify(published)).not.toContain('Private note');
  });

  it('keeps a sent week when the start moves past it and re-flows an unsent lapsed pin', () => {
    const desk = editorial(queue, '2026-W40');
    for (const id of ['a', 'b', 'c']) desk.act({ type: 'approve', recordId: id });
    desk.act({ type: 'pin', recordId: 'c', week: '2026-W41' });
    desk.act({ type: 'send', week: '2026-W40' }, 'scheduler');
    const later = computeSchedule({ queue, log: desk.log, startWeek: '2026-W43' });
    expect(later.weeks.map((w) => `${w.week}:${w.recordId}:${w.placement}`)).toEqual([
      '2026-W40:a:sent',
      '2026-W43:b:flow',
      '2026-W44:c:flow',
    ]);
    expect(later.ignored).toEqual([]);
  });

  it('does not depend on the order pieces arrived at the hub', () => {
    const desk = editorial(queue, '2026-W01');
    for (const id of ['a', 'b', 'c', 'd']) desk.act({ type: 'approve', recordId: id });
    const reversed = computeSchedule({
      queue: [...queue].reverse(),
      log: desk.log,
      startWeek: '2026-W01',
    });
    expect(reversed).toEqual(desk.schedule());
  });
});
