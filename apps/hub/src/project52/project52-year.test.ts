import { createSmtpTransport } from '@promise-global/operations';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { Project52Config } from './config.js';
import { sendBulletin } from './mailing/send-bulletin.js';
import { sendInstant } from './mailing/send-time.js';
import type { Subscriber } from './mailing/subscribers.js';
import type { DecisionEvent, QueuedPiece } from './schedule/decision-log.js';
import { isoWeekIndex, isoWeekOf } from './schedule/iso-week.js';
import { compareQueueOrder } from './schedule/queue-order.js';
import { decide } from './schedule/schedule.js';
import { planSend } from './send-plan.js';
import { fictionalBulletin } from './test-support/fictional-bulletin.js';
import { MemorySendLedger } from './test-support/memory-stores.js';
import { startSmtpSink } from './test-support/smtp-sink.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const config = Project52Config.parse({
  programmeStart: '2026-W36',
  send: { weekday: 1, time: '09:00', timeZone: 'Europe/London', catchUpHours: 72 },
  mailing: {
    secret: 'test-mailing-secret-0123456789abcdef',
    from: 'project52@hub.example.org',
    smtp: { host: '127.0.0.1', security: 'none' },
  },
});
const DAY = 86_400_000;

describe('a run of Project 52 weeks', () => {
  it('sends one bulletin a week in submission order, honours a pin, survives downtime, and never sends a week twice', async () => {
    const sink = await startSmtpSink();
    closers.push(sink.close);
    const transport = createSmtpTransport({ host: '127.0.0.1', port: sink.port, security: 'none' });
    closers.push(async () => transport.close());
    const partners = ['cpft', 'yale', 'hampshire', 'mersey'];
    const queue: QueuedPiece[] = Array.from({ length: 24 }, (_, i) => ({
      recordId: `piece-${String(i).padStart(2, '0')}`,
      nodeId: partners[i % 4] ?? 'cpft',
      partnerId: partners[i % 4] ?? 'cpft',
      submittedAt: new Date(
        Date.parse('2026-08-01T09:00:00Z') + ((i * 7) % 24) * 3_600_000,
      ).toISOString(),
    }));
    const subscribers: Subscriber[] = [1, 2, 3].map((n) => ({
      id: `sub-${n}`,
      address: `reader${n}@example.org`,
      state: 'confirmed',
      subscribedAt: '2026-08-01T00:00:00Z',
      confirmedAt: '2026-08-01T00:00:00Z',
      unsubscribedAt: null,
    }));
    const log: DecisionEvent[] = [];
    const ledger = new MemorySendLedger();
    let now = new Date('2026-08-20T12:00:00Z');
    const editor = (command: Parameters<typeof decide>[1]) => {
      const plan = planSend(now, config, queue, log);
      log.push(decide({ queue, log, startWeek: plan.startWeek }, command, 'editor:anita', now));
    };
    for (const piece of queue) editor({ type: 'approve', recordId: piece.recordId });
    // World Mental Health Day, 10 October 2026, falls in 2026-W41.
    const last = [...queue].sort(compareQueueOrder).at(-1)?.recordId ?? '';
    editor({ type: 'pin', recordId: last, week: '2026-W41' });

    const run = async (week: DecisionEvent & { type: 'send' }) =>
      sendBulletin({
        bulletin: { ...fictionalBulletin({ week: week.week, title: week.recordId }) },
        startedAt: new Date(week.at),
        subscribers,
        transport,
        ledger,
        links: {
          secret: config.mailing.secret,
          confirmUrl: (t) => `https://hub.example.org/c?token=${t}`,
          unsubscribeUrl: (t) => `https://hub.example.org/u?token=${t}`,
        },
        from: config.mailing.from,
        domain: 'hub.example.org',
      });
    const downtime = new Map([
      ['2026-W44', 2 * DAY], // back within the catch-up window: the missed send goes out once, late
      ['2026-W47', 5 * DAY], // back too late: the week lapses and its piece runs the week after
    ]);
    for (let check = 0; check < 60 && now.getTime() < Date.parse('2027-04-01T00:00:00Z'); check++) {
      const plan = planSend(now, config, queue, log);
      if (plan.resume) {
        const started = log.find(
          (e): e is DecisionEvent & { type: 'send' } =>
            e.type === 'send' && e.week === plan.resume?.week,
        );
        if (started) await run(started);
      }
      if (plan.startNow) {
        const event = decide(
          { queue, log, startWeek: plan.startWeek },
          { type: 'send', week: plan.startNow.week },
          'scheduler',
          now,
        );
        log.push(event);
        if (event.type === 'send') await run(event);
      }
      const nextWeek = isoWeekOf(plan.nextCheckAt);
      now = new Date(plan.nextCheckAt.getTime() + (downtime.get(nextWeek) ?? 0));
    }

    const sends = log.filter((e): e is DecisionEvent & { type: 'send' } => e.type === 'send');
    expect(sends).toHaveLength(24);
    expect(sends.some((e) => e.week === '2026-W47')).toBe(false);
    expect(sends.find((e) => e.week === '2026-W41')?.recordId).toBe(last);
    expect(sends.find((e) => e.week === '2026-W44')?.at).toBe(
      new Date(
        sendInstant('2026-W44', {
          weekday: 1,
          time: '09:00',
          timeZone: 'Europe/London',
        }).getTime() +
          2 * DAY,
      ).toISOString(),
    );
    // Everything but the pinned piece ran in signed submission order, with no week skipped but the lapsed one.
    const order = [...queue]
      .sort(compareQueueOrder)
      .map((p) => p.recordId)
      .filter((id) => id !== last);
    expect(sends.map((e) => e.recordId).filter((id) => id !== last)).toEqual(order);
    const weeks = sends.map((e) => isoWeekIndex(e.week));
    expect(weeks[0]).toBe(isoWeekIndex('2026-W36'));
    for (let i = 1; i < weeks.length; i++)
      expect((weeks[i] ?? 0) - (weeks[i - 1] ?? 0)).toBe(sends[i]?.week === '2026-W48' ? 2 : 1);
    // Each subscriber got each week's bulletin exactly once.
    const received = await Promise.all(
      sink.accepted.map(
        async (mail) => `${mail.envelopeTo[0]} ${(await simpleParser(mail.raw)).messageId}`,
      ),
    );
    expect(received).toHaveLength(24 * 3);
    expect(new Set(received).size).toBe(24 * 3);
  }, 60_000);
});
