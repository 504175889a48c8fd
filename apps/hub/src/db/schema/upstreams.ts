import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { NodeHealth } from './nodes.js';
import { syncHealthColumns } from './sync-health-columns.js';

/** Whether this hub harvests an upstream hub (removal deletes the row). */
export type UpstreamState = 'active' | 'suspended';

/**
 * Another hub whose signed aggregate feed this hub consumes (hub chaining, DESIGN.md property 10).
 * Its key is pinned when the operator adds it; `cursor_seq` is the upstream's hub seq.
 */
export const upstreams = sqliteTable('upstreams', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull().unique(),
  /** The upstream hub's pinned keys (`PinnedKeys`), taken from its JWKS when it was added. */
  keys: text('keys', { mode: 'json' }).$type<unknown>().notNull(),
  state: text('state').$type<UpstreamState>().notNull().default('active'),
  health: text('health').$type<NodeHealth>().notNull().default('pending'),
  cursorSeq: integer('cursor_seq').notNull().default(0),
  /** `iat` of the last accepted aggregate head; an older head is a replay. */
  headIat: integer('head_iat').notNull().default(0),
  /** Items not taken, by reason code (e.g. `DIRECTLY_ENROLLED`), counted since it was added. */
  skipped: text('skipped', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  ...syncHealthColumns(),
  addedAt: integer('added_at').notNull(),
});

/**
 * Provenance of a node known only through an upstream (a relayed node): its `nodes` row is written
 * by the upstream's harvest, never polled directly. The link holds for the node row's enrolment
 * `enrolled_at`; a later direct enrolment of the same URL (a new `enrolled_at`) ends it.
 */
export const relayedNodes = sqliteTable(
  'relayed_nodes',
  {
    nodeId: integer('node_id').primaryKey(),
    upstreamId: integer('upstream_id').notNull(),
    enrolledAt: integer('enrolled_at').notNull(),
    /** The upstream's membership statement the node's pinned keys came from. */
    membershipJws: text('membership_jws').notNull(),
  },
  (table) => [index('relayed_nodes_upstream').on(table.upstreamId)],
);
