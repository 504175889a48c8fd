import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { ftsMatchExpression } from './fts-query.js';

describe('FTS query', () => {
  it('quotes each word and lets the last one match as a prefix', () => {
    expect(ftsMatchExpression('crisis  care')).toBe('"crisis" "care"*');
    expect(ftsMatchExpression('  ')).toBeUndefined();
    expect(ftsMatchExpression('NEAR(a b) OR "x" -yes')).toBe('"NEAR" "a" "b" "OR" "x" "yes"*');
    expect(ftsMatchExpression('crisis ab')).toBe('"crisis" "ab"');
  });

  it('never produces an expression FTS5 rejects', async () => {
    const db = await openDatabase({ url: ':memory:' });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), async (text) => {
        const expression = ftsMatchExpression(text);
        if (expression === undefined) return;
        await db.$client.execute({
          sql: 'SELECT rowid FROM innovation_fts WHERE innovation_fts MATCH ? LIMIT 1',
          args: [expression],
        });
      }),
      { numRuns: 300 },
    );
    db.$client.close();
  });
});
