/** A mailing-list address: stored only with its confirmation state and dates, shown to nobody. */
export interface Subscriber {
  id: string;
  address: string;
  /** `bounced`: the reader's mail server refused the address for good (a 5xx answer). */
  state: 'pending' | 'confirmed' | 'unsubscribed' | 'bounced';
  subscribedAt: string;
  confirmedAt: string | null;
  /** When the address left the list: unsubscribed, or bounced. */
  unsubscribedAt: string | null;
}

/** What the mailing list needs from storage; the hub implements it on its database. */
export interface SubscriberStore {
  get(id: string): Promise<Subscriber | undefined>;
  findByAddress(address: string): Promise<Subscriber | undefined>;
  /** Insert or replace by id. */
  save(subscriber: Subscriber): Promise<void>;
  /** Confirmed subscribers, in a stable order. */
  confirmed(): Promise<Subscriber[]>;
}
