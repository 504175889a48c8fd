import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { Project52Service, SendPass } from './service.js';

/**
 * Runs Project 52's send passes (only when SMTP is configured): once at start (which also resumes
 * a run the hub died in), at each week's send time, and every five minutes in case editors moved
 * a piece into a week that is due. Passes never overlap.
 */
export class Project52Scheduler {
  private chain: Promise<SendPass | null> = Promise.resolve(null);
  private first = true;
  private recurring: Cron | undefined;
  private nextSend: Cron | undefined;
  private closed = false;

  constructor(
    private readonly service: Project52Service,
    private readonly log: Logger,
  ) {}

  /** Starts the schedule; resolves with the first pass (resume and any due week). */
  start(): Promise<SendPass | null> {
    this.recurring = new Cron('*/5 * * * *', { protect: true }, () => {
      void this.pass();
    });
    return this.pass();
  }

  /** Runs a pass after any pass in progress; failures are logged and reported as null. */
  pass(): Promise<SendPass | null> {
    const run = this.chain.then(async () => {
      if (this.closed) return null;
      const first = this.first;
      this.first = false;
      try {
        const result = await this.service.sendPass(first);
        if (result.started || result.resumed)
          this.log.info(
            {
              started: result.started?.week,
              resumed: result.resumed?.week,
              accepted:
                (result.started?.report.accepted.length ?? 0) +
                (result.resumed?.report.accepted.length ?? 0),
            },
            'project 52 send pass',
          );
        await this.planNext();
        return result;
      } catch (error) {
        if (!this.closed) this.log.error({ err: error }, 'project 52 send pass failed');
        return null;
      }
    });
    this.chain = run;
    return run;
  }

  private async planNext(): Promise<void> {
    const { nextCheckAt } = await this.service.programme.plan();
    this.nextSend?.stop();
    if (this.closed) return;
    this.nextSend = new Cron(nextCheckAt, () => {
      void this.pass();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.recurring?.stop();
    this.nextSend?.stop();
    await this.chain;
  }
}
