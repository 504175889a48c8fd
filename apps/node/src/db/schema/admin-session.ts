import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Staff workspace sessions: the cookie carries a random id, the table keeps only its SHA-256.
 * A session acts with the token it was opened with, and ends with it.
 */
export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    tokenId: text('token_id').notNull(),
    /** SHA-256 of the session's CSRF token (derived from the cookie's id, never stored in clear). */
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (table) => [index('admin_sessions_token_idx').on(table.tokenId)],
);
