import type { Innovation } from '@promise-global/schema';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const innovations = sqliteTable('innovations', {
  id: text('id').primaryKey(),
  status: text('status', { enum: ['draft', 'submitted', 'withdrawn'] }).notNull(),
  data: text('data', { mode: 'json' }).$type<Innovation>().notNull(),
  rev: integer('rev').notNull(),
  publishedRev: integer('published_rev').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
});

/** An author's explicit confirmation that flagged text is not personal data (kept for audit). */
export const personalDataConfirmations = sqliteTable('personal_data_confirmations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  innovationId: text('innovation_id').notNull(),
  rev: integer('rev').notNull(),
  tokenId: text('token_id').notNull(),
  findings: text('findings', { mode: 'json' }).$type<unknown[]>().notNull(),
  confirmedAt: text('confirmed_at').notNull(),
});
