import type { SmtpTransport } from '@promise-global/operations';
import type { Logger } from 'pino';
import type { ConfirmationEmail } from './subscriptions.js';

/** More waiting confirmations than this means something is wrong: new ones are dropped, and logged. */
const MAX_WAITING = 1_000;

/**
 * Confirmation emails, sent one at a time after the request that asked for them has been
 * answered: the SMTP conversation never runs inside the request, so a request for a new address
 * takes as long as one for an address already on the list (no enumeration by timing).
 */
export class ConfirmationOutbox {
  private readonly waiting: ConfirmationEmail[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly transport: SmtpTransport,
    private readonly from: string,
    private readonly log: Logger,
  ) {}

  /** Queues an email; sending starts on a later turn of the event loop, never in this call. */
  enqueue(email: ConfirmationEmail): void {
    if (this.closed) return;
    if (this.waiting.length >= MAX_WAITING) {
      this.log.warn({ waiting: this.waiting.length }, 'confirmation outbox full; one dropped');
      return;
    }
    this.waiting.push(email);
    this.running ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves once every queued email has been tried. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  close(): void {
    this.closed = true;
    this.waiting.length = 0;
  }

  private async drain(): Promise<void> {
    for (let email = this.waiting.shift(); email; email = this.waiting.shift()) {
      try {
        await this.transport.sendMail({
          from: this.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
        });
      } catch (error) {
        // Logged without the address; the reader may simply ask again.
        this.log.warn({ code: (error as { code?: unknown }).code }, 'confirmation not sent');
      }
    }
  }
}
