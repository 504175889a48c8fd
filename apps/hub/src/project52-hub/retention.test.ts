import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HubProject52Config } from '../config/config.js';
import { type HubDatabase, openDatabase } from '../db/database.js';
import type { Subscriber } from '../project52/mailing/subscribers.js';
import { portalLinks } from '../syndication/portal-links.js';
import { startRetentionJob } from './retention-job.js';
import { Project52Service } from './service.js';

const DAY = 86_400_000;
const NOW = new Date('2027-03-10T03:41:00Z');
const ago = (days: number, hours = 0) =>
  new Date(NOW.getTime() - days * DAY - hours * 3_600_000).toISOString();

let db: HubDatabase;
let service: Project52Service;

beforeEach(async () => {
  db = await openDatabase({ url: ':memory:' });
  const config = HubProject52Config.parse({
    programmeStart: '2027-W01',
    portalUrl: 'https://portal.example.org',
    mailing: { secret: 'test-mailing-secret-0123456789abcdef', from: 'p52@example.org' },
  });
  service = new Project52Service(
    {
      db,
      log: pino({ level: 'silent' }),
      url: () => 'https://hub.example.org',
      portal: () => portalLinks('https://portal.example.org'),
    },
    config,
    () => NOW,
  );
});
afterEach(() => db.$client.close());

function subscriber(id: string, patch: Partial<Subscriber>): Subscriber {
  return {
    id,
    address: `${id}@example.org`,
    state: 'confirmed',
    subscribedAt: ago(400),
    confirmedAt: ago(400),
    unsubscribedAt: null,
    ...patch,
  };
}

describe('the mailing list’s retention', () => {
  it('deletes addresses never confirmed after 7 days, and unsubscribed or bounced ones after 30', async () => {
    const rows = [
      subscriber('pending-new', { state: 'pending', subscribedAt: ago(6, 23), confirmedAt: null }),
      subscriber('pending-old', { state: 'pending', subscribedAt: ago(7, 1), confirmedAt: null }),
      subscriber('left-recently', { state: 'unsubscribed', unsubscribedAt: ago(29, 23) }),
      subscriber('left-long-ago', { state: 'unsubscribed', unsubscribedAt: ago(30, 1) }),
      subscriber('bounced-recently', { state: 'bounced', unsubscribedAt: ago(29) }),
      subscriber('bounced-long-ago', { state: 'bounced', unsubscribedAt: ago(31) }),
      subscriber('reader', {}),
    ];
    for (const row of rows) await service.subscribers.save(row);
    for (const row of rows)
      await service.ledger.put({
        week: '2027-W01',
        subscriberId: row.id,
        state: 'failed',
        messageId: `<p52.2027-W01.${row.id}@hub.example.org>`,
        attempts: 1,
        updatedAt: ago(60),
        error: { code: 'SMTP_550', message: `5.1.1 <${row.address}> unknown`, permanent: true },
      });

    expect(await service.purgeSubscribers()).toEqual({ pending: 1, left: 2 });

    const kept = await db.$client.execute('SELECT id FROM p52_subscribers ORDER BY id');
    expect(kept.rows.map((row) => row.id)).toEqual([
      'bounced-recently',
      'left-recently',
      'pending-new',
      'reader',
    ]);
    const ledger = await db.$client.execute('SELECT subscriber_id, error FROM p52_send_ledger');
    expect(ledger.rows.map((row) => row.subscriber_id).sort()).toEqual([
      'bounced-recently',
      'left-recently',
      'pending-new',
      'reader',
    ]);
    expect(JSON.stringify(ledger.rows)).not.toContain('pending-old@');
    expect(await service.purgeSubscribers()).toEqual({ pending: 0, left: 0 });
  });
});

describe('the retention job', () => {
  it('runs when the hub starts and then every night', async () => {
    await service.subscribers.save(
      subscriber('pending-old', { state: 'pending', subscribedAt: ago(8), confirmedAt: null }),
    );
    const job = startRetentionJob(service, pino({ level: 'silent' }));
    try {
      for (let tries = 0; (await service.subscribers.get('pending-old')) !== undefined; tries++)
        expect(tries, 'the start-up run deletes the old address').toBeLessThan(500);
      const next = job.nextRun();
      expect(next?.getUTCHours()).toBe(3);
      expect(next?.getUTCMinutes()).toBe(41);
      expect((next?.getTime() ?? Infinity) - Date.now()).toBeLessThanOrEqual(DAY);
    } finally {
      job.stop();
    }
  });
});
