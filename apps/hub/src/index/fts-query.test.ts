import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { ftsMatchExpression } from './fts-query.js';

describe('FTS query', () => {
  it('quotes each word and lets the last one match as a prefix', () => {
    expect(ftsMatchExpression('crisis  care')).toBe('"crisis" AND "care"*');
    expect(ftsMatchExpression('  ')).toBeUndefined();
    expect(ftsMatchExpression('NEAR(a b) OR "x" -yes')).toBe(
      '"NEAR" AND "a" AND "b" AND "OR" AND "x" AND "yes"*',
    );
    expect(ftsMatchExpression('crisis ab')).toBe('"crisis" AND "ab"');
  });

  it('widens a word or phrase from the synonyms list to its whole group', () => {
    expect(ftsMatchExpression('Peer-run groups')).toBe(
      '("peer support" OR "peer run" OR "peer led" OR "peer delivered" OR "peer supporters") AND "groups"*',
    );
    expect(ftsMatchExpression('A&E')).toBe(
      '("a e" OR "ed" OR "emergency department" OR "accident and emergency")',
    );
    expect(ftsMatchExpression('crisis café')).toBe(
      '("crisis cafe" OR "safe haven" OR "sanctuary" OR "crisis sanctuary")',
    );
    // The longest phrase wins: "child and adolescent mental health" is one term, not five.
    expect(ftsMatchExpression('child and adolescent mental health team')).toBe(
      '("camhs" OR "child and adolescent mental health") AND "team"*',
    );
  });

  it('finds the other spellings and names in the index', async () => {
    const db = await openDatabase({ url: ':memory:' });
    const texts = [
      'A peer-run group meets on Tuesdays',
      'Positive behavior support on the ward',
      'Referred from the emergency department at night',
      'Child and adolescent mental health services in the county',
      'Interpreters for British Sign Language users',
      'An evening safe haven in the town centre',
      'Nothing to do with any of it',
    ];
    for (const [index, text] of texts.entries())
      await db.$client.execute({
        sql: 'INSERT INTO innovation_fts (rowid, title, summary, body) VALUES (?, ?, ?, ?)',
        args: [index + 1, text, '', ''],
      });
    const found = async (query: string) => {
      const result = await db.$client.execute({
        sql: 'SELECT rowid FROM innovation_fts WHERE innovation_fts MATCH ? ORDER BY rowid',
        args: [ftsMatchExpression(query) ?? ''],
      });
      return result.rows.map((row) => texts[Number(row.rowid) - 1]);
    };
    expect(await found('peer support')).toEqual([texts[0]]);
    expect(await found('behaviour')).toEqual([texts[1]]);
    expect(await found('A&E')).toEqual([texts[2]]);
    expect(await found('CAMHS')).toEqual([texts[3]]);
    expect(await found('BSL')).toEqual([texts[4]]);
    expect(await found('crisis cafe')).toEqual([texts[5]]);
    expect(await found('center')).toEqual([texts[5]]);
    // Every word is still required: a synonym does not loosen the rest of the query.
    expect(await found('peer support ward')).toEqual([]);
    db.$client.close();
  });

  it('never produces an expression FTS5 rejects', async () => {
    const db = await openDatabase({ url: ':memory:' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          // Synonym phrases among arbitrary words, so OR groups meet every neighbour.
          fc
            .array(
              fc.oneof(
                fc.constantFrom('peer run', 'A&E', 'CAMHS', 'ed', 'OR', 'NOT', '('),
                fc.string({ maxLength: 8 }),
              ),
              { maxLength: 8 },
            )
            .map((parts) => parts.join(' ')),
        ),
        async (text) => {
          const expression = ftsMatchExpression(text);
          if (expression === undefined) return;
          await db.$client.execute({
            sql: 'SELECT rowid FROM innovation_fts WHERE innovation_fts MATCH ? LIMIT 1',
            args: [expression],
          });
        },
      ),
      { numRuns: 300 },
    );
    db.$client.close();
  });
});
