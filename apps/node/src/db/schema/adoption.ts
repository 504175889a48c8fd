import type { Adoption } from '@promise-global/schema';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * This partner's adoptions of other partners' pieces. Each is public as soon as it is written:
 * every change (a new stage, a new note) publishes the next revision to the feed.
 */
export const adoptions = sqliteTable('adoptions', {
  id: text('id').primaryKey(),
  /** `partnerId/recordId` of the piece, so one piece has at most one adoption per partner. */
  pieceKey: text('piece_key').notNull().unique(),
  data: text('data', { mode: 'json' }).$type<Adoption>().notNull(),
  rev: integer('rev').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
