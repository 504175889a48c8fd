import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Submitted write-ups as harvested (the Project 52 queue): written in the same batch as the page
 * that carried them. `piece` is `partnerId/recordId`, so two nodes can never collide on an id.
 */
export const p52Pieces = sqliteTable(
  'p52_pieces',
  {
    piece: text('piece').primaryKey(),
    nodeId: integer('node_id').notNull(),
    partnerId: text('partner_id').notNull(),
    recordId: text('record_id').notNull(),
    /** The node's signed `submittedAt`, unchanged. */
    submittedAt: text('submitted_at').notNull(),
    withdrawnAt: text('withdrawn_at'),
  },
  (table) => [index('p52_pieces_record').on(table.nodeId, table.recordId)],
);

/** The append-only decision log: the schedule is a pure function of the queue and this log. */
export const p52Decisions = sqliteTable('p52_decisions', {
  seq: integer('seq').primaryKey(),
  type: text('type').notNull(),
  /** The whole `DecisionEvent` as JSON. */
  event: text('event').notNull(),
  by: text('by').notNull(),
  at: text('at').notNull(),
});

/** Mailing-list addresses: only the address, its confirmation state and dates. */
export const p52Subscribers = sqliteTable(
  'p52_subscribers',
  {
    id: text('id').primaryKey(),
    address: text('address').notNull().unique(),
    state: text('state').$type<'pending' | 'confirmed' | 'unsubscribed'>().notNull(),
    subscribedAt: text('subscribed_at').notNull(),
    confirmedAt: text('confirmed_at'),
    unsubscribedAt: text('unsubscribed_at'),
  },
  (table) => [index('p52_subscribers_state').on(table.state, table.id)],
);

/** One row per (week, subscriber): `sending` before the SMTP transaction, `accepted` after the 250. */
export const p52SendLedger = sqliteTable(
  'p52_send_ledger',
  {
    week: text('week').notNull(),
    subscriberId: text('subscriber_id').notNull(),
    state: text('state').$type<'sending' | 'accepted' | 'failed'>().notNull(),
    messageId: text('message_id').notNull(),
    attempts: integer('attempts').notNull(),
    updatedAt: text('updated_at').notNull(),
    response: text('response'),
    /** `{ code, message, permanent }` as JSON. */
    error: text('error'),
  },
  (table) => [primaryKey({ columns: [table.week, table.subscriberId] })],
);

/** Each week's bulletin as it went out (frozen at the start of the run) and the run's outcome. */
export const p52WeekSends = sqliteTable('p52_week_sends', {
  week: text('week').primaryKey(),
  piece: text('piece').notNull(),
  /** The `Bulletin` as JSON. */
  bulletin: text('bulletin').notNull(),
  startedAt: text('started_at'),
  finishedAt: text('finished_at'),
  /** Counts of the last run: accepted, skipped, failed. */
  report: text('report'),
});
