import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The current version of each adoption (docs/protocol.md §4.6): a partner (the node) exploring,
 * piloting, having adopted or having stopped using another partner's piece. The piece is kept as
 * the adopter named it; whether it exists is read against the index when it is served (§4.7).
 */
export const adoptions = sqliteTable(
  'adoptions',
  {
    nodeId: integer('node_id').notNull(),
    recordId: text('record_id').notNull(),
    hubSeq: integer('hub_seq').notNull(),
    /** The adopter. */
    partnerId: text('partner_id').notNull(),
    piecePartnerId: text('piece_partner_id').notNull(),
    pieceRecordId: text('piece_record_id').notNull(),
    pieceHash: text('piece_hash').notNull(),
    stage: text('stage').notNull(),
    /** The date of the current stage, and of the earliest stage the hub has seen. */
    date: text('date').notNull(),
    firstDate: text('first_date').notNull(),
    note: text('note').notNull(),
    contactRole: text('contact_role').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('adoptions_record').on(table.nodeId, table.recordId),
    index('adoptions_piece').on(table.piecePartnerId, table.pieceRecordId),
  ],
);
