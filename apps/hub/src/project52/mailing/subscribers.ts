/** A mailing-list address: stored only with its confirmation state and dates, shown to nobody. */
export interface Subscriber {
  id: string;
  address: string;
  state: 'pending' | 'confirmed' | 'unsubscribed';
  subscribedAt: string;
  confirmedAt: string | null;
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
