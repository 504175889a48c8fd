import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecisionCommand, DecisionEvent, QueuedPiece } from './decision-log.js';
import { addIsoWeeks, type IsoWeek, isoWeekIndex } from './iso-week.js';
import { compareQueueOrder } from './queue-order.js';
import { computeSchedule, decide, type Schedule } from './schedule.js';
import { ScheduleError } from './schedule-error.js';

const NODES = ['cpft', 'mersey', 'yale'];

const pieceArb = fc.record({
  nodeId: fc.constantFrom(...NODES),
  minute: fc.integer({ min: 0, max: 20 }), // a small range, so equal signed times (ties) are common
  offsetHours: fc.constantFrom(0, 1, -5), // the same instant written with different offsets
});

const step = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('arrive' as const), piece: fc.nat() }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('approve' as const), piece: fc.nat() }), weight: 8 },
  {
    arbitrary: fc.record({ kind: fc.constant('request_changes' as const), piece: fc.nat() }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('decline' as const), piece: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('withdraw' as const), piece: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('pin' as const),
      piece: fc.nat(),
      week: fc.integer({ min: -1, max: 12 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('unpin' as const), piece: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('swap' as const),
      a: fc.nat({ max: 10 }),
      b: fc.nat({ max: 10 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('tick' as const), missed: fc.boolean() }), weight: 2 },
  // A confused or repeated send of any nearby week, past ones included.
  {
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      week: fc.integer({ min: -3, max: 3 }),
    }),
    weight: 1,
  },
);

const scenario = fc.record({
  pieces: fc.array(pieceArb, { minLength: 3, maxLength: 12 }),
  steps: fc.array(step, { minLength: 20, maxLength: 60 }),
  startWeek: fc.constantFrom<IsoWeek>('2026-W50', '2027-W51', '2026-W01'),
});

function signedAt(minute: number, offsetHours: number): string {
  const utc = Date.UTC(2026, 8, 1, 9, minute);
  const local = new Date(utc + offsetHours * 3_600_000).toISOString().slice(0, 19);
  const sign = offsetHours < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
}

function checkInvariants(schedule: Schedule, sentSoFar: Map<IsoWeek, string>): void {
  const weeks = schedule.weeks.map((w) => w.week);
  const records = schedule.weeks.map((w) => w.recordId);
  // No week holds two pieces, and no piece holds two weeks.
  expect(new Set(weeks).size).toBe(weeks.length);
  expect(new Set(records).size).toBe(records.length);
  // Every approved piece has a week; nothing else does except what was sent.
  for (const piece of schedule.pieces) {
    if (piece.state === 'approved' || piece.sent) expect(piece.week).not.toBeNull();
    else expect(piece.week).toBeNull();
  }
  expect(schedule.ignored).toEqual([]);
  // Sent weeks never change.
  for (const [week, recordId] of sentSoFar) {
    expect(schedule.weeks.find((w) => w.week === week)).toMatchObject({
      recordId,
      placement: 'sent',
    });
  }
  // Nothing unsent sits before the first open week.
  const start = isoWeekIndex(schedule.startWeek);
  for (const w of schedule.weeks)
    if (w.placement !== 'sent') expect(isoWeekIndex(w.week)).toBeGreaterThanOrEqual(start);
  // A pin in force is honoured.
  for (const piece of schedule.pieces) {
    if (
      piece.pinnedTo !== null &&
      !piece.sent &&
      piece.state === 'approved' &&
      isoWeekIndex(piece.pinnedTo) >= start
    ) {
      expect(piece.week).toBe(piece.pinnedTo);
    }
  }
  // Where no editor acted, the order is the signed submission order...
  const byId = new Map(schedule.pieces.map((p) => [p.recordId, p]));
  const flowed = schedule.weeks
    .filter((w) => w.placement === 'flow')
    .map((w) => byId.get(w.recordId));
  for (let i = 1; i < flowed.length; i++) {
    const before = flowed[i - 1];
    const after = flowed[i];
    if (before === undefined || after === undefined)
      throw new Error('flowed piece missing from pieces');
    expect(compareQueueOrder(before, after)).toBeLessThan(0);
  }
  // ...and no free week is left before a flowed piece: nobody is skipped.
  const last = schedule.weeks.filter((w) => w.placement === 'flow').at(-1);
  if (last !== undefined) {
    for (let index = start; index <= isoWeekIndex(last.week); index++) {
      expect(schedule.weeks.some((w) => isoWeekIndex(w.week) === index)).toBe(true);
    }
  }
}

describe('the Project 52 schedule under random editorial histories', () => {
  it('keeps every week single, every approved piece placed, submission order, and sent weeks frozen', () => {
    fc.assert(
      fc.property(scenario, ({ pieces, steps, startWeek: firstWeek }) => {
        const all: QueuedPiece[] = pieces.map((p, i) => ({
          recordId: `r${i}`,
          nodeId: p.nodeId,
          partnerId: p.nodeId,
          submittedAt: signedAt(p.minute, p.offsetHours),
        }));
        const queue: QueuedPiece[] = [];
        const log: DecisionEvent[] = [];
        const sentSoFar = new Map<IsoWeek, string>();
        let startWeek = firstWeek;
        let clock = Date.parse('2026-09-01T12:00:00Z');
        // Commands mostly name pieces that have arrived; now and then one the hub has not seen.
        const pick = (n: number) =>
          (n % 10 === 9 ? all[n % all.length] : queue[n % Math.max(1, queue.length)])?.recordId ??
          'r0';
        const act = (command: DecisionCommand, by: string) => {
          clock += 1_000;
          try {
            log.push(decide({ queue, log, startWeek }, command, by, new Date(clock)));
          } catch (error) {
            if (!(error instanceof ScheduleError)) throw error;
          }
        };
        for (const s of steps) {
          const before = computeSchedule({ queue, log, startWeek });
          switch (s.kind) {
            case 'arrive': {
              // Records reach the hub in any order, whatever their signed time.
              const waiting = all.filter((p) => !queue.includes(p));
              const arriving = waiting[s.piece % Math.max(1, waiting.length)];
              if (arriving) queue.push(arriving);
              break;
            }
            case 'pin':
              act(
                { type: 'pin', recordId: pick(s.piece), week: addIsoWeeks(startWeek, s.week) },
                'editor:e',
              );
              break;
            case 'swap':
              act(
                {
                  type: 'swap',
                  weekA: addIsoWeeks(startWeek, s.a),
                  weekB: addIsoWeeks(startWeek, s.b),
                },
                'editor:e',
              );
              break;
            case 'tick': {
              // The week's send time passes: it goes out if it holds a piece (unless the hub was
              // down: then the week is missed and its piece re-flows), then the next week opens.
              if (
                !s.missed &&
                before.weeks.some((w) => w.week === startWeek && w.placement !== 'sent')
              ) {
                act({ type: 'send', week: startWeek }, 'scheduler');
              }
              startWeek = addIsoWeeks(startWeek, 1);
              break;
            }
            case 'send':
              act({ type: 'send', week: addIsoWeeks(startWeek, s.week) }, 'scheduler');
              break;
            case 'request_changes':
              act(
                { type: s.kind, recordId: pick(s.piece), note: 'Please add outcomes.' },
                'editor:e',
              );
              break;
            case 'decline':
              act({ type: s.kind, recordId: pick(s.piece), reason: 'Out of scope.' }, 'editor:e');
              break;
            default:
              act(
                { type: s.kind, recordId: pick(s.piece) },
                s.kind === 'withdraw' ? 'node:n' : 'editor:e',
              );
          }
          const after = computeSchedule({ queue, log, startWeek });
          checkInvariants(after, sentSoFar);
          for (const w of after.weeks)
            if (w.placement === 'sent') sentSoFar.set(w.week, w.recordId);
          // Taking a piece out (withdrawal, changes requested, decline) never pushes anyone later:
          // the following pieces move up or stay.
          if (s.kind === 'withdraw' || s.kind === 'request_changes' || s.kind === 'decline') {
            for (const piece of after.pieces) {
              const old = before.pieces.find((p) => p.recordId === piece.recordId)?.week;
              if (piece.week !== null && old != null) {
                expect(isoWeekIndex(piece.week)).toBeLessThanOrEqual(isoWeekIndex(old));
              }
            }
          }
        }
        // The order records reached the hub never matters.
        expect(computeSchedule({ queue: [...queue].reverse(), log, startWeek })).toEqual(
          computeSchedule({ queue, log, startWeek }),
        );
        // Every event names who and when.
        for (const event of log) {
          expect(event.by).toMatch(/^(editor|node|scheduler)/);
          expect(Number.isNaN(Date.parse(event.at))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
