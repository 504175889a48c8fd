import type { ProblemReport } from '@promise-global/schema';
import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/database.js';
import { apiTokens, problemReports, services } from '../db/schema.js';
import { notFound } from '../errors.js';

/** One report as the workspace inbox shows it. */
export interface InboxReport {
  id: string;
  serviceId: string;
  /** The listing's name now, or null when it has since been deleted. */
  serviceName: string | null;
  kind: string;
  details: string;
  replyTo: string | null;
  receivedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/** The most reports one inbox page lists (open ones oldest first, resolved newest first). */
export const INBOX_LIMIT = 200;

/** Keeps a delivered report; a report delivered again (same hub id) is left as it is. */
export async function storeReport(db: Queryable, report: ProblemReport, now = new Date()) {
  const inserted = await db
    .insert(problemReports)
    .values({
      id: report.id,
      serviceId: report.serviceId,
      kind: report.kind,
      details: report.details,
      replyTo: report.replyTo ?? null,
      receivedAt: report.receivedAt,
      deliveredAt: now.toISOString(),
    })
    .onConflictDoNothing()
    .returning({ id: problemReports.id });
  return inserted.length > 0;
}

const INBOX_COLUMNS = {
  id: problemReports.id,
  serviceId: problemReports.serviceId,
  serviceName: sql<string | null>`json_extract(${services.data}, '$.name')`,
  kind: problemReports.kind,
  details: problemReports.details,
  replyTo: problemReports.replyTo,
  receivedAt: problemReports.receivedAt,
  resolvedAt: problemReports.resolvedAt,
  resolvedBy: problemReports.resolvedBy,
};

function inboxRows(db: Queryable, where: SQL | undefined) {
  return db
    .select(INBOX_COLUMNS)
    .from(problemReports)
    .leftJoin(services, and(eq(services.id, problemReports.serviceId), isNull(services.deletedAt)))
    .where(where);
}

/** The inbox: open reports (oldest first) or resolved ones (newest first), with counts. */
export async function listReports(db: Queryable, status: 'open' | 'resolved') {
  const open = status === 'open';
  const items: InboxReport[] = await inboxRows(
    db,
    open ? isNull(problemReports.resolvedAt) : isNotNull(problemReports.resolvedAt),
  )
    .orderBy(
      ...(open
        ? [asc(problemReports.receivedAt), asc(problemReports.id)]
        : [desc(problemReports.resolvedAt), asc(problemReports.id)]),
    )
    .limit(INBOX_LIMIT);
  const [counts] = await db
    .select({
      open: sql<number>`coalesce(sum(case when ${problemReports.resolvedAt} is null then 1 else 0 end), 0)`,
      resolved: sql<number>`coalesce(sum(case when ${problemReports.resolvedAt} is not null then 1 else 0 end), 0)`,
    })
    .from(problemReports);
  return { items, open: Number(counts?.open ?? 0), resolved: Number(counts?.resolved ?? 0) };
}

/**
 * Marks a report resolved and erases the reader's reply address, overwriting the freed bytes
 * (`secure_delete`) and emptying the write-ahead log, so the address is not left in the file.
 */
export async function resolveReport(
  database: Database,
  id: string,
  tokenId: string,
  now = new Date(),
): Promise<InboxReport> {
  await database.client.execute('PRAGMA secure_delete = ON');
  try {
    await database.write(async (tx) => {
      const [token] = await tx
        .select({ name: apiTokens.name })
        .from(apiTokens)
        .where(eq(apiTokens.id, tokenId));
      const updated = await tx
        .update(problemReports)
        .set({
          resolvedAt: sql`coalesce(${problemReports.resolvedAt}, ${now.toISOString()})`,
          resolvedBy: sql`coalesce(${problemReports.resolvedBy}, ${token?.name ?? 'staff'})`,
          replyTo: null,
        })
        .where(eq(problemReports.id, id))
        .returning({ id: problemReports.id });
      if (updated.length === 0) throw notFound('problem report', id);
    });
  } finally {
    await database.client.execute('PRAGMA secure_delete = OFF');
  }
  if (database.url.startsWith('file:'))
    await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  const [report] = await database.read((db) => inboxRows(db, eq(problemReports.id, id)));
  if (!report) throw notFound('problem report', id);
  return report;
}
