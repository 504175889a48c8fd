import type { Organisation } from '@promise-global/schema';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  data: text('data', { mode: 'json' }).$type<Organisation>().notNull(),
  rev: integer('rev').notNull(),
  publishedRev: integer('published_rev').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
});
