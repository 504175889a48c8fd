import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The node's signed log: one compact JWS per published version, appended, never changed. */
export const feedRecords = sqliteTable(
  'feed_records',
  {
    seq: integer('seq').primaryKey(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    rev: integer('rev').notNull(),
    jws: text('jws').notNull(),
    hash: text('hash').notNull().unique(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('feed_records_record_idx').on(table.recordType, table.recordId)],
);
