import type { LedgerEntry, SendLedger } from '../mailing/send-ledger.js';
import type { Subscriber, SubscriberStore } from '../mailing/subscribers.js';
import type { IsoWeek } from '../schedule/iso-week.js';

/** A real, tiny in-memory SubscriberStore for tests; the hub implements the interface on libSQL. */
export class MemorySubscriberStore implements SubscriberStore {
  readonly rows = new Map<string, Subscriber>();

  async get(id: string) {
    return this.rows.get(id);
  }

  async findByAddress(address: string) {
    return [...this.rows.values()].find((row) => row.address === address);
  }

  async save(subscriber: Subscriber) {
    this.rows.set(subscriber.id, { ...subscriber });
  }

  async confirmed() {
    return [...this.rows.values()]
      .filter((row) => row.state === 'confirmed')
      .sort((a, b) => a.id.localeCompare(b.id));
  }
}

/** A real, tiny in-memory SendLedger for tests. */
export class MemorySendLedger implements SendLedger {
  readonly rows = new Map<string, LedgerEntry>();

  async get(week: IsoWeek, subscriberId: string) {
    return this.rows.get(`${week}/${subscriberId}`);
  }

  async put(entry: LedgerEntry) {
    this.rows.set(`${entry.week}/${entry.subscriberId}`, { ...entry });
  }
}
