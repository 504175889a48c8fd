import type { Service } from '@promise-global/schema';
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const services = sqliteTable(
  'services',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id').notNull(),
    data: text('data', { mode: 'json' }).$type<Service>().notNull(),
    rev: integer('rev').notNull(),
    publishedRev: integer('published_rev').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (table) => [
    index('services_organisation_idx').on(table.organisationId),
    // The lists' order (name, case-insensitive, then id): a page is read off the index.
    index('services_name_idx').on(sql`lower(json_extract(${table.data}, '$.name'))`, table.id),
  ],
);
