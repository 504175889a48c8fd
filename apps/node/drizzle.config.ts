import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema/*.ts, committed, and applied at start;
// `pnpm --filter @promise-global/node db:check` (also run by the tests) fails on drift.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/db/schema/*.ts',
  out: process.env.DRIZZLE_OUT ?? './drizzle',
});
