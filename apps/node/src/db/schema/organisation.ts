import type { Organisation } from '@promise-global/schema';
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    data: text('data', { mode: 'json' }).$type<Organisation>().notNull(),
    rev: integer('rev').notNull(),
    publishedRev: integer('published_rev').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    // The list's order (name, case-insensitive, then id): a page is read off the index.
    index('organisations_name_idx').on(sql`lower(json_extract(${table.data}, '$.name'))`, table.id),
  ],
);
