import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncHealthColumns } from './sync-health-columns.js';

/** Membership of a node at this hub (docs/protocol.md §3). */
export type NodeMembershipState = 'active' | 'suspended' | 'removed';
/** What the portal shows about a node's harvesting (DESIGN.md property 8). */
export type NodeHealth =
  | 'pending'
  | 'healthy'
  | 'lagging'
  | 'withholding'
  | 'failing'
  | 'needs-attention';

export const nodes = sqliteTable('nodes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull().unique(),
  partnerId: text('partner_id').notNull().unique(),
  name: text('name').notNull(),
  country: text('country'),
  partner: text('partner', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  feedUrl: text('feed_url').notNull(),
  schemaVersion: text('schema_version').notNull(),
  state: text('state').$type<NodeMembershipState>().notNull().default('active'),
  health: text('health').$type<NodeHealth>().notNull().default('pending'),
  descriptorJws: text('descriptor_jws').notNull(),
  /** The SDK chain verifier's state: pinned keys, last seq and hash. */
  chain: text('chain', { mode: 'json' }).$type<unknown>().notNull(),
  cursorSeq: integer('cursor_seq').notNull().default(0),
  headSeq: integer('head_seq').notNull().default(0),
  /** Since when the node has signed a head ahead of the records it serves (null: it is not). */
  withheldSince: integer('withheld_since'),
  ...syncHealthColumns(),
  enrolledAt: integer('enrolled_at').notNull(),
  removedAt: integer('removed_at'),
});

export const memberships = sqliteTable('memberships', {
  nodeId: integer('node_id').primaryKey(),
  jws: text('jws').notNull(),
  issuedAt: integer('issued_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

/**
 * An enrolment or re-pin the hub verified and now holds for an operator (docs/protocol.md §3.1):
 * nothing in it is pinned or vouched for until approved with the signing key's fingerprint.
 */
export const pendingEnrolments = sqliteTable('pending_enrolments', {
  partnerId: text('partner_id').primaryKey(),
  kind: text('kind').$type<'enrol' | 'repin'>().notNull(),
  url: text('url').notNull(),
  name: text('name').notNull(),
  country: text('country'),
  partner: text('partner', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  feedUrl: text('feed_url').notNull(),
  schemaVersion: text('schema_version').notNull(),
  descriptorJws: text('descriptor_jws').notNull(),
  /** The keys the descriptor would pin (the SDK's PinnedKeys at first contact). */
  keys: text('keys', { mode: 'json' }).$type<unknown>().notNull(),
  signerKid: text('signer_kid').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
});
