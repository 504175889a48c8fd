import type { Service } from '@promise-global/schema';
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
  (table) => [index('services_organisation_idx').on(table.organisationId)],
);
