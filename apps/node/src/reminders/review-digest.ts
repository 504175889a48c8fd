import { createSmtpTransport } from '@promise-global/operations';
import { eq } from 'drizzle-orm';
import type { NodeConfig } from '../config/config.js';
import type { NodeContext } from '../context.js';
import { reviewDigests } from '../db/schema.js';
import { type AgendaItem, type ReviewAgenda, reviewAgenda } from '../resources/review-agenda.js';

type DigestConfig = NonNullable<NodeConfig['reviewDigest']>;

/** The date (UTC) of this week's scheduled send at or before `now`'s week: its key. */
export function digestWeek(now: Date, config: Pick<DigestConfig, 'weekday' | 'hour'>) {
  const isoDay = now.getUTCDay() === 0 ? 7 : now.getUTCDay();
  const scheduled = new Date(
    Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate() - isoDay + config.weekday,
      config.hour,
    ),
  );
  // Before this week's moment, the week still due is last week's.
  if (scheduled.getTime() > now.getTime()) scheduled.setUTCDate(scheduled.getUTCDate() - 7);
  return scheduled.toISOString().slice(0, 10);
}

function line(item: AgendaItem, base: string) {
  const when = item.dueOn ? `due ${item.dueOn}` : 'never checked';
  return `- ${item.name} (${when})\n  ${base}/admin/services/${item.id}`;
}

/** The digest's plain-text body. */
export function digestText(agenda: ReviewAgenda, nodeUrl: string, partnerName: string): string {
  const parts = [
    `Listings of ${partnerName} to check this week.`,
    'People in crisis rely on these numbers and hours; the portal warns readers about listings that are overdue.',
  ];
  if (agenda.overdue.length > 0)
    parts.push(
      `Overdue (${agenda.overdue.length}):\n${agenda.overdue.map((item) => line(item, nodeUrl)).join('\n')}`,
    );
  if (agenda.dueSoon.length > 0)
    parts.push(
      `Due in the next ${agenda.days} days (${agenda.dueSoon.length}):\n${agenda.dueSoon.map((item) => line(item, nodeUrl)).join('\n')}`,
    );
  parts.push(
    `Open each one in the staff workspace, check every detail, then mark it as checked:\n${nodeUrl}/admin/services?review=due`,
  );
  return `${parts.join('\n\n')}\n`;
}

/**
 * Sends this week's digest unless it went already: the week is claimed in the database first (so
 * two passes or a restart never send twice) and released if the mail server refuses, to try again
 * on the next pass. A week with nothing due is recorded and sends nothing.
 */
export async function sendReviewDigestIfDue(
  ctx: NodeContext,
  now = new Date(),
): Promise<'sent' | 'nothing_due' | 'already_sent' | 'off'> {
  const config = ctx.config.reviewDigest;
  if (!config) return 'off';
  const week = digestWeek(now, config);
  const agenda = await ctx.database.read((db) => reviewAgenda(db, now));
  const listings = agenda.overdue.length + agenda.dueSoon.length;
  const claimed = await ctx.database.write((tx) =>
    tx
      .insert(reviewDigests)
      .values({ week, sentAt: now.toISOString(), listings: String(listings) })
      .onConflictDoNothing()
      .returning({ week: reviewDigests.week }),
  );
  if (claimed.length === 0) return 'already_sent';
  if (listings === 0) return 'nothing_due';
  const transport = createSmtpTransport(config.smtp);
  try {
    const nodeUrl = ctx.signer.iss();
    const partnerName = ctx.config.partner?.name ?? ctx.config.partnerId;
    await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: `${listings} listing${listings === 1 ? '' : 's'} to check (${partnerName})`,
      text: digestText(agenda, nodeUrl, partnerName),
    });
    ctx.log.info({ week, listings, recipients: config.to.length }, 'review digest sent');
    return 'sent';
  } catch (error) {
    await ctx.database.write((tx) => tx.delete(reviewDigests).where(eq(reviewDigests.week, week)));
    throw error;
  } finally {
    transport.close();
  }
}

/** Checks every hour (and at start) whether this week's digest is due; stops on `close`. */
export function startReviewDigest(ctx: NodeContext, everyMs = 3_600_000): { stop(): void } {
  if (!ctx.config.reviewDigest) return { stop() {} };
  const pass = () =>
    void sendReviewDigestIfDue(ctx).catch((error: unknown) =>
      ctx.log.warn({ err: error }, 'review digest not sent; trying again within the hour'),
    );
  const timer = setInterval(pass, everyMs);
  timer.unref();
  pass();
  return { stop: () => clearInterval(timer) };
}
