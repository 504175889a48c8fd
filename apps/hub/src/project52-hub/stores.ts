import type { Row } from '@libsql/client';
import type { HubDatabase } from '../db/database.js';
import { RETENTION } from '../project52/mailing/retention.js';
import type { LedgerEntry, SendLedger } from '../project52/mailing/send-ledger.js';
import type { Subscriber, SubscriberStore } from '../project52/mailing/subscribers.js';
import type { IsoWeek } from '../project52/schedule/iso-week.js';

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function toSubscriber(row: Row): Subscriber {
  return {
    id: String(row.id),
    address: String(row.address),
    state: String(row.state) as Subscriber['state'],
    subscribedAt: String(row.subscribed_at),
    confirmedAt: text(row.confirmed_at),
    unsubscribedAt: text(row.unsubscribed_at),
  };
}

/** The mailing list on the hub's database: addresses with their state and dates, nothing else. */
export class LibsqlSubscriberStore implements SubscriberStore {
  constructor(private readonly db: HubDatabase) {}

  async get(id: string) {
    const result = await this.db.$client.execute({
      sql: 'SELECT * FROM p52_subscribers WHERE id = ?',
      args: [id],
    });
    const row = result.rows[0];
    return row ? toSubscriber(row) : undefined;
  }

  async findByAddress(address: string) {
    const result = await this.db.$client.execute({
      sql: 'SELECT * FROM p52_subscribers WHERE address = ?',
      args: [address],
    });
    const row = result.rows[0];
    return row ? toSubscriber(row) : undefined;
  }

  async save(subscriber: Subscriber) {
    await this.db.$client.execute({
      sql: `INSERT INTO p52_subscribers (id, address, state, subscribed_at, confirmed_at, unsubscribed_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET address = excluded.address, state = excluded.state,
          subscribed_at = excluded.subscribed_at, confirmed_at = excluded.confirmed_at,
          unsubscribed_at = excluded.unsubscribed_at`,
      args: [
        subscriber.id,
        subscriber.address,
        subscriber.state,
        subscriber.subscribedAt,
        subscriber.confirmedAt,
        subscriber.unsubscribedAt,
      ],
    });
  }

  async confirmed() {
    const result = await this.db.$client.execute(
      "SELECT * FROM p52_subscribers WHERE state = 'confirmed' ORDER BY id",
    );
    return result.rows.map(toSubscriber);
  }

  /** Marks confirmed addresses whose mail servers refused them for good as bounced. */
  async markBounced(ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.$client.execute({
      sql: `UPDATE p52_subscribers SET state = 'bounced', unsubscribed_at = ?
        WHERE state = 'confirmed' AND id IN (${ids.map(() => '?').join(', ')})`,
      args: [now.toISOString(), ...ids],
    });
  }

  /**
   * Deletes what the retention rules no longer allow keeping (docs/data-protection.md): addresses
   * never confirmed within {@link RETENTION}'s days, and unsubscribed or bounced ones after theirs,
   * with their rows in the send ledger (which may quote the address in a server's answer).
   */
  async purge(now: Date): Promise<{ pending: number; left: number }> {
    const before = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const doomed = `SELECT id FROM p52_subscribers
      WHERE (state = 'pending' AND subscribed_at < ?)
         OR (state IN ('unsubscribed', 'bounced') AND unsubscribed_at < ?)`;
    const pendingBefore = before(RETENTION.pendingDays);
    const leftBefore = before(RETENTION.leftDays);
    const args = [pendingBefore, leftBefore];
    const [, pending, left] = await this.db.$client.batch(
      [
        { sql: `DELETE FROM p52_send_ledger WHERE subscriber_id IN (${doomed})`, args },
        {
          sql: "DELETE FROM p52_subscribers WHERE state = 'pending' AND subscribed_at < ?",
          args: [pendingBefore],
        },
        {
          sql: "DELETE FROM p52_subscribers WHERE state IN ('unsubscribed', 'bounced') AND unsubscribed_at < ?",
          args: [leftBefore],
        },
      ],
      'write',
    );
    return { pending: pending?.rowsAffected ?? 0, left: left?.rowsAffected ?? 0 };
  }

  /** How many addresses are in each state (for editors; never the addresses); bounced count as unsubscribed. */
  async counts(): Promise<Record<'pending' | 'confirmed' | 'unsubscribed', number>> {
    const result = await this.db.$client.execute(
      'SELECT state, count(*) AS n FROM p52_subscribers GROUP BY state',
    );
    const counts = { pending: 0, confirmed: 0, unsubscribed: 0 };
    for (const row of result.rows) {
      const state = String(row.state);
      if (state === 'pending' || state === 'confirmed' || state === 'unsubscribed')
        counts[state] += Number(row.n);
      else if (state === 'bounced') counts.unsubscribed += Number(row.n);
    }
    return counts;
  }
}

/**
 * The send ledger on the hub's database. Each `put` is one autocommitted statement, committed to
 * the WAL before it resolves, so a killed hub process never loses an acknowledged entry (with the
 * hub's `synchronous = NORMAL`, a power cut may lose the last commits; see the README).
 */
export class LibsqlSendLedger implements SendLedger {
  constructor(private readonly db: HubDatabase) {}

  async get(week: IsoWeek, subscriberId: string): Promise<LedgerEntry | undefined> {
    const result = await this.db.$client.execute({
      sql: 'SELECT * FROM p52_send_ledger WHERE week = ? AND subscriber_id = ?',
      args: [week, subscriberId],
    });
    const row = result.rows[0];
    if (!row) return undefined;
    const error = text(row.error);
    return {
      week,
      subscriberId,
      state: String(row.state) as LedgerEntry['state'],
      messageId: String(row.message_id),
      attempts: Number(row.attempts),
      updatedAt: String(row.updated_at),
      response: text(row.response) ?? undefined,
      error: error === null ? undefined : (JSON.parse(error) as LedgerEntry['error']),
    };
  }

  async put(entry: LedgerEntry): Promise<void> {
    await this.db.$client.execute({
      sql: `INSERT INTO p52_send_ledger (week, subscriber_id, state, message_id, attempts, updated_at, response, error)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (week, subscriber_id) DO UPDATE SET state = excluded.state, message_id = excluded.message_id,
          attempts = excluded.attempts, updated_at = excluded.updated_at, response = excluded.response,
          error = excluded.error`,
      args: [
        entry.week,
        entry.subscriberId,
        entry.state,
        entry.messageId,
        entry.attempts,
        entry.updatedAt,
        entry.response ?? null,
        entry.error ? JSON.stringify(entry.error) : null,
      ],
    });
  }
}
