import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The hub's log: every verified record JWS harvested from a node, unchanged, in the order stored
 * (`hub_seq`), plus the hub's own removal tombstones. It is the source of the hub's aggregate feed.
 */
export const entries = sqliteTable(
  'entries',
  {
    hubSeq: integer('hub_seq').primaryKey({ autoIncrement: true }),
    nodeId: integer('node_id').notNull(),
    /** The node's seq; null for hub-issued removal tombstones. */
    seq: integer('seq'),
    hash: text('hash').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    rev: integer('rev').notNull(),
    jws: text('jws').notNull(),
  },
  (table) => [
    uniqueIndex('entries_node_seq').on(table.nodeId, table.seq),
    index('entries_record').on(table.nodeId, table.recordType, table.recordId),
  ],
);

/** Records the hub cannot index yet (unknown schema major), kept until it learns the major. */
export const quarantine = sqliteTable(
  'quarantine',
  {
    hubSeq: integer('hub_seq').primaryKey(),
    nodeId: integer('node_id').notNull(),
    schemaVersion: text('schema_version').notNull(),
    reasonCode: text('reason_code').notNull(),
    reason: text('reason').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('quarantine_node').on(table.nodeId)],
);
