import { describe, expect, it } from 'vitest';
import { Project52Config } from './config.js';
import type { DecisionEvent, QueuedPiece } from './schedule/decision-log.js';
import { decide } from './schedule/schedule.js';
import { planSend } from './send-plan.js';

const config = Project52Config.parse({
  programmeStart: '2027-W02',
  mailing: {
    secret: 'test-mailing-secret-0123456789abcdef',
    from: 'project52@hub.example.org',
    smtp: { host: 'smtp.example.org' },
  },
});
const queue: QueuedPiece[] = [
  { recordId: 'r1', nodeId: 'cpft', partnerId: 'cpft', submittedAt: '2026-12-01T09:00:00Z' },
];

describe('the send plan', () => {
  it('waits for the programme start, starts the week at its time, then resumes it until the catch-up window closes', () => {
    const log: DecisionEvent[] = [];
    const early = new Date('2027-01-04T09:30:00Z'); // Monday of 2027-W01, after 09:00 London
    log.push(
      decide(
        { queue, log, startWeek: planSend(early, config, queue, log).startWeek },
        { type: 'approve', recordId: 'r1' },
        'editor:anita',
        early,
      ),
    );
    const before = planSend(early, config, queue, log);
    expect(before.startWeek).toBe('2027-W02');
    expect(before.startNow).toBeNull();
    expect(before.schedule.weeks).toEqual([
      { week: '2027-W02', recordId: 'r1', partnerId: 'cpft', placement: 'flow' },
    ]);
    expect(before.nextCheckAt.toISOString()).toBe('2027-01-11T09:00:00.000Z');

    const due = planSend(before.nextCheckAt, config, queue, log);
    expect(due.startNow).toEqual({ week: '2027-W02', recordId: 'r1' });
    log.push(
      decide(
        { queue, log, startWeek: due.startWeek },
        { type: 'send', week: '2027-W02' },
        'scheduler',
        before.nextCheckAt,
      ),
    );

    const restarted = planSend(new Date('2027-01-11T09:05:00Z'), config, queue, log);
    expect(restarted.startNow).toBeNull();
    expect(restarted.resume).toEqual({
      week: '2027-W02',
      recordId: 'r1',
      startedAt: new Date('2027-01-11T09:00:00Z'),
    });
    expect(planSend(new Date('2027-01-15T09:05:00Z'), config, queue, log).resume).toBeNull();
  });
});
