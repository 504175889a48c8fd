import { createSmtpTransport, type SmtpTransport } from '@promise-global/operations';
import type { Project52Bulletin, Project52BulletinSummary } from '@promise-global/sdk/client/hub';
import type { Logger } from 'pino';
import type { HubProject52Config } from '../config/config.js';
import type { HubDatabase } from '../db/database.js';
import { bulletinFeed } from '../project52/bulletin/feed.js';
import { renderBulletinPrint } from '../project52/bulletin/print.js';
import { ConfirmationOutbox } from '../project52/mailing/confirmation-outbox.js';
import { type SendReport, sendBulletin } from '../project52/mailing/send-bulletin.js';
import {
  type ConfirmOutcome,
  confirmSubscription,
  type MailingLinks,
  requestSubscription,
  type UnsubscribeOutcome,
  unsubscribe,
} from '../project52/mailing/subscriptions.js';
import { type IsoWeek, isIsoWeek } from '../project52/schedule/iso-week.js';
import type { FeedDocument } from '../syndication/feed-document.js';
import { feedUrls } from '../syndication/feed-document.js';
import type { PortalLinks } from '../syndication/portal-links.js';
import {
  buildBulletin,
  bulletinSummary,
  bulletinView,
  reviveBulletin,
  sentBulletins,
  withPortalLinks,
} from './bulletins.js';
import { Project52Error } from './errors.js';
import { Programme } from './programme.js';
import { LibsqlSendLedger, LibsqlSubscriberStore } from './stores.js';

export interface Project52Deps {
  db: HubDatabase;
  log: Logger;
  /** The hub's public URL (links in emails point at its routes). */
  url(): string;
  /** The portal as configured now: bulletins link to its pages. */
  portal(): PortalLinks;
}

/** What one scheduler pass did. */
export interface SendPass {
  resumed: { week: IsoWeek; report: SendReport } | null;
  started: { week: IsoWeek; report: SendReport } | null;
}

/**
 * Project 52 wired to the hub: the programme (schedule and decisions), the bulletin in every
 * format, the mailing list and the send run, on the hub's libSQL database.
 */
export class Project52Service {
  readonly subscribers: LibsqlSubscriberStore;
  readonly ledger: LibsqlSendLedger;
  readonly programme: Programme;
  /** Present only when SMTP is configured: without it nothing is ever sent. */
  readonly transport: SmtpTransport | undefined;
  /** Confirmation emails waiting to be sent (after the request that asked for them). */
  readonly outbox: ConfirmationOutbox | undefined;

  constructor(
    private readonly deps: Project52Deps,
    readonly config: HubProject52Config,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.subscribers = new LibsqlSubscriberStore(deps.db);
    this.ledger = new LibsqlSendLedger(deps.db);
    this.programme = new Programme(deps.db, config, this.subscribers, clock);
    this.transport = config.mailing.smtp ? createSmtpTransport(config.mailing.smtp) : undefined;
    this.outbox = this.transport
      ? new ConfirmationOutbox(this.transport, config.mailing.from, deps.log)
      : undefined;
  }

  /**
   * Links in emails: the confirmation and unsubscribe pages a reader opens are the portal's (in its
   * design; it asks the hub); `List-Unsubscribe` keeps the hub's one-click route, since mail
   * clients POST to it from anywhere.
   */
  links(): MailingLinks {
    const hub = this.deps.url();
    const portal = this.deps.portal();
    return {
      secret: this.config.mailing.secret,
      confirmUrl: (token) => portal.subscribeConfirm(token),
      unsubscribeUrl: (token) => `${hub}/unsubscribe?token=${encodeURIComponent(token)}`,
      unsubscribePageUrl: (token) => portal.unsubscribe(token),
    };
  }

  /**
   * Double opt-in: records the address as pending and mails the confirmation link. Answers the
   * same whatever the address's state, so the form reveals nothing about who is subscribed.
   */
  async requestSubscription(address: string): Promise<void> {
    const outbox = this.outbox;
    if (outbox === undefined)
      throw new Project52Error('PROJECT52_OFF', 'This hub does not send email');
    const email = await requestSubscription(
      this.subscribers,
      this.links(),
      address,
      this.clock(),
      this.config.mailing.confirmTtlHours * 3_600_000,
    );
    if (email !== null) outbox.enqueue(email);
  }

  /** Applies the mailing list's retention rules now (the hub runs this daily). */
  async purgeSubscribers(): Promise<{ pending: number; left: number }> {
    const purged = await this.subscribers.purge(this.clock());
    if (purged.pending + purged.left > 0)
      this.deps.log.info(purged, 'project 52: expired mailing-list addresses deleted');
    return purged;
  }

  confirm(token: string): Promise<ConfirmOutcome> {
    return confirmSubscription(this.subscribers, this.config.mailing.secret, token, this.clock());
  }

  unsubscribe(token: string): Promise<UnsubscribeOutcome> {
    return unsubscribe(this.subscribers, this.config.mailing.secret, token, this.clock());
  }

  /** Takes an address off the list (an operator acting on an unsubscribe email); false when it is not on it. */
  async unsubscribeAddress(address: string): Promise<boolean> {
    const subscriber = await this.subscribers.findByAddress(address);
    if (subscriber?.state !== 'confirmed' && subscriber?.state !== 'pending') return false;
    await this.subscribers.save({
      ...subscriber,
      state: 'unsubscribed',
      unsubscribedAt: this.clock().toISOString(),
    });
    return true;
  }

  /** A week's bulletin: as it went out when sent, else as it would go out now; null for an empty week. */
  async bulletin(week: string): Promise<Project52Bulletin | null> {
    if (!isIsoWeek(week)) return null;
    const stored = await this.deps.db.$client.execute({
      sql: 'SELECT piece, bulletin, started_at FROM p52_week_sends WHERE week = ? AND started_at IS NOT NULL',
      args: [week],
    });
    const row = stored.rows[0];
    if (row)
      return bulletinView(
        withPortalLinks(
          reviveBulletin(String(row.bulletin)),
          String(row.piece),
          this.deps.portal(),
        ),
        String(row.piece),
        String(row.started_at),
      );
    const plan = await this.programme.plan();
    const entry = plan.schedule.weeks.find((w) => w.week === week);
    if (!entry) return null;
    const bulletin = await buildBulletin(
      this.deps.db,
      this.deps.portal(),
      week,
      entry.recordId,
      this.clock(),
    );
    return bulletin ? bulletinView(bulletin, entry.recordId, null) : null;
  }

  /** The printable bulletin (one side of A4), or null. */
  async print(week: string): Promise<string | null> {
    const view = await this.bulletin(week);
    if (!view || !isIsoWeek(week)) return null;
    const stored = await this.deps.db.$client.execute({
      sql: 'SELECT piece, bulletin FROM p52_week_sends WHERE week = ? AND started_at IS NOT NULL',
      args: [week],
    });
    const row = stored.rows[0];
    const bulletin = row
      ? withPortalLinks(reviveBulletin(String(row.bulletin)), String(row.piece), this.deps.portal())
      : await buildBulletin(
          this.deps.db,
          this.deps.portal(),
          week,
          `${view.piece.partnerId}/${view.piece.recordId}`,
          this.clock(),
        );
    return bulletin ? renderBulletinPrint(bulletin) : null;
  }

  /** Sent bulletins, newest first. */
  async archive(limit?: number): Promise<Project52BulletinSummary[]> {
    const links = this.deps.portal();
    return (await sentBulletins(this.deps.db, limit)).map(({ bulletin, piece, startedAt }) =>
      bulletinSummary(withPortalLinks(bulletin, piece, links), piece, startedAt),
    );
  }

  /** The latest 50 sent weeks as a feed, linking to the portal as configured now. */
  async feed(): Promise<FeedDocument> {
    const hub = this.deps.url();
    const links = this.deps.portal();
    const sent = await sentBulletins(this.deps.db, 50);
    return bulletinFeed(
      sent.map(({ bulletin, piece }) => ({
        id: bulletin.url,
        bulletin: withPortalLinks(bulletin, piece, links),
      })),
      { hubUrl: hub, urls: feedUrls(hub, '/bulletins'), homePage: links.bulletins() },
    );
  }

  /**
   * One scheduler pass: on the first pass after start, rerun the latest week whose run started
   * within the catch-up window (the ledger skips everyone already served); then, when a week is
   * due, freeze its bulletin, append the `send` event (durably, before any email) and run it.
   */
  async sendPass(first: boolean): Promise<SendPass> {
    const pass: SendPass = { resumed: null, started: null };
    if (this.transport === undefined) return pass;
    const plan = await this.programme.plan();
    if (first && plan.resume) {
      const { week, recordId, startedAt } = plan.resume;
      pass.resumed = { week, report: await this.runWeek(week, recordId, startedAt) };
    }
    if (plan.startNow) {
      const { week, recordId } = plan.startNow;
      const bulletin = await buildBulletin(
        this.deps.db,
        this.deps.portal(),
        week,
        recordId,
        this.clock(),
      );
      if (bulletin === null) {
        this.deps.log.warn({ week }, 'project 52: the week’s piece has no record; not sent');
        return pass;
      }
      await this.freeze(week, recordId, JSON.stringify(bulletin));
      const event = await this.programme.decide({ type: 'send', week }, 'scheduler');
      if (event.type === 'send')
        pass.started = {
          week,
          report: await this.runWeek(week, event.recordId, new Date(event.at)),
        };
    }
    return pass;
  }

  /** Stores the week's bulletin before its run starts; never replaces one whose run started. */
  private async freeze(week: IsoWeek, piece: string, bulletin: string): Promise<void> {
    await this.deps.db.$client.execute({
      sql: `INSERT INTO p52_week_sends (week, piece, bulletin) VALUES (?, ?, ?)
        ON CONFLICT (week) DO UPDATE SET piece = excluded.piece, bulletin = excluded.bulletin
        WHERE p52_week_sends.started_at IS NULL`,
      args: [week, piece, bulletin],
    });
  }

  private async runWeek(week: IsoWeek, piece: string, startedAt: Date): Promise<SendReport> {
    const transport = this.transport;
    if (transport === undefined)
      throw new Project52Error('PROJECT52_OFF', 'SMTP is not configured');
    const db = this.deps.db.$client;
    const stored = await db.execute({
      sql: 'SELECT piece, bulletin FROM p52_week_sends WHERE week = ?',
      args: [week],
    });
    const row = stored.rows[0];
    let bulletin = row && String(row.piece) === piece ? reviveBulletin(String(row.bulletin)) : null;
    if (bulletin === null) {
      bulletin = await buildBulletin(this.deps.db, this.deps.portal(), week, piece, startedAt);
      if (bulletin === null)
        throw new Project52Error('WEEK_NOT_FOUND', `${week} has no piece to send`);
      await this.freeze(week, piece, JSON.stringify(bulletin));
    }
    await db.execute({
      sql: 'UPDATE p52_week_sends SET started_at = coalesce(started_at, ?) WHERE week = ?',
      args: [startedAt.toISOString(), week],
    });
    const report = await sendBulletin({
      bulletin,
      startedAt,
      subscribers: await this.subscribers.confirmed(),
      transport,
      ledger: this.ledger,
      links: this.links(),
      from: this.config.mailing.from,
      unsubscribeMailbox: this.config.mailing.unsubscribeMailbox,
      domain: new URL(this.deps.url()).hostname,
    });
    await this.subscribers.markBounced(
      report.failed.filter((failure) => failure.permanent).map((failure) => failure.subscriberId),
      this.clock(),
    );
    await db.execute({
      sql: 'UPDATE p52_week_sends SET finished_at = ?, report = ? WHERE week = ?',
      args: [
        this.clock().toISOString(),
        JSON.stringify({
          accepted: report.accepted.length,
          skipped: report.skipped.length,
          failed: report.failed.length,
        }),
        week,
      ],
    });
    if (report.failed.length > 0)
      this.deps.log.warn(
        { week, failed: report.failed.map(({ subscriberId, code }) => ({ subscriberId, code })) },
        'project 52: some recipients failed',
      );
    return report;
  }

  close(): void {
    this.outbox?.close();
    this.transport?.close();
  }
}
