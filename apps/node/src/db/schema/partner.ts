import type { Partner } from '@promise-global/schema';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The node's one partner profile. */
export const partnerProfile = sqliteTable('partner_profile', {
  id: text('id').primaryKey(),
  data: text('data', { mode: 'json' }).$type<Partner>().notNull(),
  rev: integer('rev').notNull(),
  publishedRev: integer('published_rev').notNull(),
  updatedAt: text('updated_at').notNull(),
});
