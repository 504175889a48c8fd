import { randomUUID } from 'node:crypto';
import type { SmtpTransport } from '@promise-global/operations';
import { backoffDelay } from '../../harvest/backoff.js';
import type { Bulletin } from '../bulletin/bulletin.js';
import { renderBulletinEmail } from '../bulletin/email.js';
import type { LedgerEntry, SendLedger } from './send-ledger.js';
import type { Subscriber } from './subscribers.js';
import { type MailingLinks, unsubscribeLinks } from './subscriptions.js';
import { unsubscribeExpiry } from './tokens.js';

export interface SendRunOptions {
  bulletin: Bulletin;
  /** When the week's send run first started (the decision log's `send` event): later confirmations wait for next week. */
  startedAt: Date;
  subscribers: readonly Subscriber[];
  transport: SmtpTransport;
  ledger: SendLedger;
  links: MailingLinks;
  /** `"PROMISE Network Project 52" <project52@hub.example.org>` */
  from: string;
  /** The mailbox for `List-Unsubscribe: <mailto:…>`; defaults to the `from` address. */
  unsubscribeMailbox?: string | undefined;
  /** The domain in Message-IDs and List-Id, e.g. the hub's host name. */
  domain: string;
  retry?: { attempts: number; baseMs: number; maxMs: number };
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

export interface SendFailure {
  subscriberId: string;
  code: string;
  message: string;
  permanent: boolean;
  attempts: number;
}

export interface SendReport {
  accepted: string[];
  /** Already recorded as accepted (or refused for good) by an earlier run. */
  skipped: string[];
  /** Found `sending` from a run that stopped mid-transaction, and sent again with the same Message-ID. */
  resumedInFlight: string[];
  failed: SendFailure[];
}

const DEFAULT_RETRY = { attempts: 4, baseMs: 2_000, maxMs: 60_000 };

function classify(error: unknown): { code: string; message: string; permanent: boolean } {
  const detail = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const responseCode = typeof detail.responseCode === 'number' ? detail.responseCode : null;
  const code =
    responseCode !== null
      ? `SMTP_${responseCode}`
      : typeof detail.code === 'string'
        ? detail.code
        : 'SEND_FAILED';
  const message = typeof detail.message === 'string' ? detail.message : String(error);
  // 5xx is the server's final word on this recipient or message; 4xx and lost connections may pass.
  const permanent =
    (responseCode !== null && responseCode >= 500) ||
    (code === 'EENVELOPE' && responseCode === null);
  return { code, message, permanent };
}

/** The bare address in a From header such as `"Name" <box@example.org>`. */
function mailboxOf(from: string): string {
  return (/<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)?.[1] ?? from).trim();
}

/**
 * Sends one week's bulletin to each subscriber separately, so a rejected address or a failed
 * transaction never stops the others. Transient failures are retried with exponential backoff;
 * every outcome is written to the ledger, and a second run for the same week skips whatever the
 * ledger records as accepted. See the README for the exactly-once argument.
 */
export async function sendBulletin(options: SendRunOptions): Promise<SendReport> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => new Date());
  const week = options.bulletin.week;
  const mailbox = options.unsubscribeMailbox ?? mailboxOf(options.from);
  const report: SendReport = { accepted: [], skipped: [], resumedInFlight: [], failed: [] };
  const recipients = options.subscribers.filter(
    (s) =>
      s.state === 'confirmed' &&
      s.confirmedAt !== null &&
      Date.parse(s.confirmedAt) <= options.startedAt.getTime(),
  );
  for (const subscriber of recipients) {
    const previous = await options.ledger.get(week, subscriber.id);
    if (
      previous?.state === 'accepted' ||
      (previous?.state === 'failed' && previous.error?.permanent)
    ) {
      report.skipped.push(subscriber.id);
      continue;
    }
    if (previous?.state === 'sending') report.resumedInFlight.push(subscriber.id);
    // Random, so the Message-ID (kept by every relay and mailbox) names no one.
    const messageId = previous?.messageId ?? `<p52.${week}.${randomUUID()}@${options.domain}>`;
    const unsubscribe = unsubscribeLinks(options.links, subscriber, options.startedAt);
    const email = renderBulletinEmail(
      options.bulletin,
      unsubscribe.page,
      unsubscribeExpiry(options.startedAt),
    );
    let attempts = previous?.attempts ?? 0;
    for (let tries = 1; ; tries++) {
      attempts++;
      const entry: LedgerEntry = {
        week,
        subscriberId: subscriber.id,
        state: 'sending',
        messageId,
        attempts,
        updatedAt: now().toISOString(),
      };
      await options.ledger.put(entry);
      try {
        const info = await options.transport.sendMail({
          from: options.from,
          to: subscriber.address,
          envelope: { from: options.from, to: [subscriber.address] },
          subject: email.subject,
          html: email.html,
          text: email.text,
          messageId,
          headers: {
            'List-Unsubscribe': `<${unsubscribe.oneClick}>, <mailto:${mailbox}?subject=unsubscribe>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            'List-Id': `PROMISE Network Project 52 <project52.${options.domain}>`,
            'Auto-Submitted': 'auto-generated',
            Precedence: 'bulk',
          },
        });
        await options.ledger.put({
          ...entry,
          state: 'accepted',
          updatedAt: now().toISOString(),
          response: info.response,
        });
        report.accepted.push(subscriber.id);
        break;
      } catch (error) {
        const failure = classify(error);
        if (failure.permanent || tries >= retry.attempts) {
          await options.ledger.put({
            ...entry,
            state: 'failed',
            updatedAt: now().toISOString(),
            error: failure,
          });
          report.failed.push({ subscriberId: subscriber.id, ...failure, attempts });
          break;
        }
        await sleep(backoffDelay(tries, retry.baseMs, retry.maxMs));
      }
    }
  }
  return report;
}
