import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** API tokens: only the SHA-256 of the secret is kept; the secret is shown once. */
export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ['editor', 'admin'] }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: text('created_at').notNull(),
  revokedAt: text('revoked_at'),
});
