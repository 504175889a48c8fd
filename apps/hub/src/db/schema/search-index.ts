import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/**
 * The current, searchable version of each innovation. `rowid` is shared with `innovation_fts`
 * (an FTS5 table created by a custom migration: drizzle cannot describe virtual tables).
 */
export const innovations = sqliteTable(
  'innovations',
  {
    rowid: integer('rowid').primaryKey(),
    nodeId: integer('node_id').notNull(),
    recordId: text('record_id').notNull(),
    hubSeq: integer('hub_seq').notNull(),
    partnerId: text('partner_id').notNull(),
    title: text('title').notNull(),
    /** Kept beside the FTS copy so hits carry it without a content lookup. */
    summary: text('summary').notNull().default(''),
    kind: text('kind'),
    country: text('country'),
    year: integer('year'),
    evidenceLevel: text('evidence_level'),
    status: text('status'),
    themes: text('themes').notNull().default('[]'),
    publishedAt: text('published_at'),
    /** The node's signed submission time (Project 52 queue order). */
    submittedAt: text('submitted_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('innovations_record').on(table.nodeId, table.recordId),
    index('innovations_order').on(table.updatedAt, table.partnerId, table.recordId),
  ],
);

/** The current, searchable version of each service; `rowid` is shared with `service_fts`. */
export const services = sqliteTable(
  'services',
  {
    rowid: integer('rowid').primaryKey(),
    nodeId: integer('node_id').notNull(),
    recordId: text('record_id').notNull(),
    hubSeq: integer('hub_seq').notNull(),
    partnerId: text('partner_id').notNull(),
    organisationId: text('organisation_id'),
    name: text('name').notNull(),
    status: text('status'),
    urgency: text('urgency'),
    available24x7: integer('available_24x7'),
    categories: text('categories').notNull().default('[]'),
    referralRoutes: text('referral_routes').notNull().default('[]'),
    areas: text('areas').notNull().default('[]'),
    /** JSON arrays as in the record: what a result card shows without reading the record. */
    phones: text('phones').notNull().default('[]'),
    schedules: text('schedules').notNull().default('[]'),
    /** The IANA zone its schedules are read in (schema 1.1); null: the reader's default. */
    timeZone: text('time_zone'),
    /** Its places' coordinates as a JSON array of [latitude, longitude] (schema 1.1). */
    places: text('places').notNull().default('[]'),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    assuredAt: text('assured_at'),
    reviewDue: text('review_due'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('services_record').on(table.nodeId, table.recordId),
    index('services_updated').on(table.updatedAt),
  ],
);

/** Current partners and organisations (small; looked up, not full-text searched). */
export const directory = sqliteTable(
  'directory',
  {
    nodeId: integer('node_id').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    hubSeq: integer('hub_seq').notNull(),
    name: text('name').notNull(),
  },
  (table) => [primaryKey({ columns: [table.nodeId, table.recordType, table.recordId] })],
);

/**
 * One row whose value changes with every write to `innovations` or `services` (triggers in
 * migration 0003), so a remembered search total is known to be current.
 */
export const indexGeneration = sqliteTable('index_generation', {
  id: integer('id').primaryKey(),
  value: integer('value').notNull(),
});
