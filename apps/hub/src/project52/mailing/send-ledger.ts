import type { IsoWeek } from '../schedule/iso-week.js';

/**
 * One recipient of one week's bulletin. `sending` is written (durably) before the SMTP
 * transaction starts, `accepted` only after the server replied 250 to the message.
 */
export interface LedgerEntry {
  week: IsoWeek;
  subscriberId: string;
  state: 'sending' | 'accepted' | 'failed';
  /** The Message-ID every attempt for this (week, subscriber) carries. */
  messageId: string;
  attempts: number;
  updatedAt: string;
  /** The server's reply to the accepted message. */
  response?: string | undefined;
  error?: { code: string; message: string; permanent: boolean } | undefined;
}

/** The send ledger, keyed (week, subscriber); the hub implements it on its database. */
export interface SendLedger {
  get(week: IsoWeek, subscriberId: string): Promise<LedgerEntry | undefined>;
  /** Insert or replace; resolves only once the entry is durable. */
  put(entry: LedgerEntry): Promise<void>;
}
