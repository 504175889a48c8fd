import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Hub roles: operators run the network (enrol, suspend, remove); editors curate content. */
export type AdminRole = 'operator' | 'editor';

export const adminTokens = sqliteTable('admin_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  role: text('role').$type<AdminRole>().notNull(),
  /** SHA-256 of the token: the token itself is shown once and never stored. */
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
});

/** The hub's own Ed25519 signing keys (membership statements, aggregate feed heads). */
export const hubKeys = sqliteTable('hub_keys', {
  kid: text('kid').primaryKey(),
  privateJwk: text('private_jwk', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  publicJwk: text('public_jwk', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: integer('created_at').notNull(),
});

/** Ping ids seen recently, so a replayed ping is recognised (docs/protocol.md §8). */
export const seenPings = sqliteTable('seen_pings', {
  jti: text('jti').primaryKey(),
  nodeId: integer('node_id').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

/** Named counters (pings accepted, invalid, replayed, unknown). */
export const counters = sqliteTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull().default(0),
});
