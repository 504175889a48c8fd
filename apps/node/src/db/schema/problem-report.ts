import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Readers' reports of problems with this node's listings, delivered by the hub (signed with its
 * key). The workspace inbox: never published in any feed. `replyTo` is erased on resolve.
 */
export const problemReports = sqliteTable(
  'problem_reports',
  {
    /** The hub's id: a report delivered twice is stored once. */
    id: text('id').primaryKey(),
    serviceId: text('service_id').notNull(),
    kind: text('kind').notNull(),
    details: text('details').notNull(),
    replyTo: text('reply_to'),
    receivedAt: text('received_at').notNull(),
    deliveredAt: text('delivered_at').notNull(),
    resolvedAt: text('resolved_at'),
    /** The name of the token (person) that resolved it. */
    resolvedBy: text('resolved_by'),
  },
  (table) => [index('problem_reports_open').on(table.resolvedAt, table.receivedAt, table.id)],
);

/** One row per week the review digest went out (or had nothing to say): never twice a week. */
export const reviewDigests = sqliteTable('review_digests', {
  /** The date (UTC) of the week's scheduled send, e.g. `2026-12-07`. */
  week: text('week').primaryKey(),
  sentAt: text('sent_at').notNull(),
  /** How many listings it named; 0 when nothing was due (no email then). */
  listings: text('listings').notNull(),
});
