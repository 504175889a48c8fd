import { randomUUID } from 'node:crypto';
import type { ProblemKind, ProblemReport } from '@promise-global/schema';
import { signProblemReport } from '@promise-global/sdk/sign';
import { and, asc, eq, lt, lte, ne } from 'drizzle-orm';
import type { HubContext } from '../context.js';
import { nodes, problemReports, services } from '../db/schema/index.js';
import { guardedFetch } from '../http/guarded-fetch.js';

/** A report the hub refuses before keeping it (the listing is not in the network). */
export class ProblemReportError extends Error {
  constructor(
    readonly code: 'SERVICE_NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.name = 'ProblemReportError';
  }
}

/** What a reader sends (already checked against the schema's limits by the tRPC input). */
export interface ReportSubmission {
  partnerId: string;
  serviceId: string;
  kind: ProblemKind;
  details: string;
  replyTo?: string | undefined;
}

/** Where the node takes a delivery (docs/protocol.md §8.4). */
export const NODE_REPORT_PATH = '/hub/problem-reports';

const DELIVERY_LIMITS = { connectMs: 3_000, firstByteMs: 5_000, totalMs: 10_000, maxBytes: 4_096 };

/**
 * Carries readers' problem reports to the node that owns the listing: kept in the hub's database
 * from the moment they are taken, delivered signed with the hub's key, retried with backoff while
 * the node cannot be reached, and deleted once the node has them. Nothing is lost on a restart.
 */
export class ReportCourier {
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<string>();
  private pass: Promise<void> | undefined;

  constructor(private readonly context: () => HubContext) {}

  /** Keeps a report for the listing's node and starts delivering it; its id is the hub's. */
  async accept(submission: ReportSubmission, now = new Date()): Promise<string> {
    const { db } = this.context();
    const [service] = await db
      .select({ nodeId: services.nodeId })
      .from(services)
      .innerJoin(nodes, eq(nodes.id, services.nodeId))
      .where(
        and(
          eq(services.partnerId, submission.partnerId),
          eq(services.recordId, submission.serviceId),
          eq(nodes.state, 'active'),
        ),
      )
      .limit(1);
    if (!service)
      throw new ProblemReportError('SERVICE_NOT_FOUND', 'no such listing in the network');
    const id = randomUUID();
    await db.insert(problemReports).values({
      id,
      nodeId: service.nodeId,
      partnerId: submission.partnerId,
      serviceId: submission.serviceId,
      kind: submission.kind,
      details: submission.details,
      replyTo: submission.replyTo ?? null,
      receivedAt: now.toISOString(),
      nextAttemptAt: now.getTime(),
    });
    void this.deliver(id).catch((error) =>
      this.context().log.warn({ err: error }, 'report delivery'),
    );
    return id;
  }

  /** How many reports wait for their node (tests, the operator). */
  async waiting(): Promise<number> {
    return (await this.context().db.$count(problemReports)) as number;
  }

  /** Tries every report whose next attempt is due; one pass at a time. */
  deliverDue(now = Date.now()): Promise<void> {
    this.pass ??= (async () => {
      try {
        const { db, config, log } = this.context();
        const cutoff = new Date(now - config.problemReports.keepDays * 86_400_000).toISOString();
        const expired = await db
          .delete(problemReports)
          .where(lt(problemReports.receivedAt, cutoff))
          .returning({ id: problemReports.id });
        if (expired.length > 0)
          log.warn({ count: expired.length }, 'undelivered problem reports deleted after keepDays');
        const due = await db
          .select({ id: problemReports.id })
          .from(problemReports)
          .where(lte(problemReports.nextAttemptAt, now))
          .orderBy(asc(problemReports.nextAttemptAt), asc(problemReports.id))
          .limit(100);
        for (const { id } of due) await this.deliver(id);
      } finally {
        this.pass = undefined;
      }
    })();
    return this.pass;
  }

  /** Delivers one report; true when the node has it (and the hub's copy is gone). */
  async deliver(id: string): Promise<boolean> {
    if (this.inFlight.has(id)) return false;
    this.inFlight.add(id);
    const ctx = this.context();
    try {
      const [row] = await ctx.db
        .select({ report: problemReports, nodeUrl: nodes.url })
        .from(problemReports)
        .innerJoin(nodes, eq(nodes.id, problemReports.nodeId))
        .where(and(eq(problemReports.id, id), ne(nodes.state, 'removed')));
      if (!row) return false;
      const { report } = row;
      const payload: ProblemReport = {
        id: report.id,
        partnerId: report.partnerId,
        serviceId: report.serviceId,
        kind: report.kind as ProblemKind,
        details: report.details,
        receivedAt: report.receivedAt,
        ...(report.replyTo ? { replyTo: report.replyTo } : {}),
      };
      let failure: string;
      try {
        const body = await signProblemReport(ctx.key, {
          iss: ctx.url(),
          aud: row.nodeUrl,
          report: payload,
        });
        const response = await guardedFetch(`${row.nodeUrl}${NODE_REPORT_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/jwt' },
          body,
          limits: DELIVERY_LIMITS,
          policy: ctx.policy,
          maxRedirects: 0,
        });
        if (response.status >= 200 && response.status < 300) {
          await ctx.db.delete(problemReports).where(eq(problemReports.id, id));
          ctx.log.info({ node: row.nodeUrl }, 'problem report delivered');
          return true;
        }
        failure = `HTTP ${response.status}: ${response.body.toString('utf8').slice(0, 200)}`;
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      const { retryBaseMs, retryMaxMs } = ctx.config.problemReports;
      const wait = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(report.attempts, 20));
      await ctx.db
        .update(problemReports)
        .set({
          attempts: report.attempts + 1,
          nextAttemptAt: Date.now() + wait,
          lastError: failure.slice(0, 300),
        })
        .where(eq(problemReports.id, id));
      ctx.log.warn(
        { node: row.nodeUrl, reason: failure, retryInMs: wait },
        'problem report not delivered yet',
      );
      return false;
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** Retries due reports every `everyMs` (the smallest backoff is the useful granularity). */
  start(everyMs = Math.min(this.context().config.problemReports.retryBaseMs, 60_000)): void {
    this.timer ??= setInterval(() => {
      void this.deliverDue().catch((error) =>
        this.context().log.warn({ err: error }, 'problem report pass failed'),
      );
    }, everyMs);
    this.timer.unref();
    void this.deliverDue().catch(() => undefined);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.pass;
  }
}
