import { describe, expect, it } from 'vitest';
import { findMigrationDrift } from '../scripts/check-migrations.js';

describe('database migrations', () => {
  it('match the drizzle schema (drizzle-kit would generate nothing new)', async () => {
    const drift = await findMigrationDrift();
    expect(drift.missing, drift.output).toEqual([]);
  });
});
