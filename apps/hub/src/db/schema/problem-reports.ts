import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Readers' problem reports waiting to reach the node that owns the listing. A row is deleted as
 * soon as the node has taken the report (or after `problemReports.keepDays` undelivered): the hub
 * is a courier, never the keeper, and no report is ever published.
 */
export const problemReports = sqliteTable(
  'problem_reports',
  {
    id: text('id').primaryKey(),
    nodeId: integer('node_id').notNull(),
    partnerId: text('partner_id').notNull(),
    serviceId: text('service_id').notNull(),
    kind: text('kind').notNull(),
    details: text('details').notNull(),
    replyTo: text('reply_to'),
    receivedAt: text('received_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Epoch ms of the next delivery attempt. */
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
  },
  (table) => [index('problem_reports_due').on(table.nextAttemptAt, table.id)],
);
