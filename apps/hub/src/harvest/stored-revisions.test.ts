import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubDatabase, openDatabase } from '../db/database.js';
import { latestRevisionsSql, storedRevisions } from './stored-revisions.js';

const jwsOf = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

let db: HubDatabase;
beforeAll(async () => {
  db = await openDatabase({ url: ':memory:' });
  const rows: [number, number | null, string, string, number, object][] = [
    [1, 1, 'service', 's1', 1, { data: {} }],
    [1, 2, 'service', 's1', 2, { tombstone: { reason: 'deleted' } }],
    [1, 3, 'innovation', 'i1', 1, { data: {} }],
    [1, 4, 'innovation', 'i1', 2, { data: {} }],
    // A hub-issued removal is not one of the node's versions.
    [1, null, 'innovation', 'i1', 2, { tombstone: { reason: 'withdrawn' } }],
    // Another node's record with the same identity.
    [2, 1, 'organisation', 'o1', 1, { tombstone: { reason: 'deleted' } }],
  ];
  await db.$client.batch(
    rows.map(([node, seq, type, id, rev, claims]) => ({
      sql: 'INSERT INTO entries (node_id, seq, hash, record_type, record_id, rev, jws) VALUES (?, ?, ?, ?, ?, ?, ?)',
      args: [node, seq, 'hash', type, id, rev, jwsOf(claims)],
    })),
    'write',
  );
});
afterAll(() => db.$client.close());

describe('storedRevisions', () => {
  it("answers each identity's latest stored version of that node, tombstone or not", async () => {
    const known = await storedRevisions(db, 1).revisionsOf([
      { type: 'service', id: 's1' },
      { type: 'innovation', id: 'i1' },
      { type: 'organisation', id: 'o1' },
      { type: 'partner', id: 'never' },
    ]);
    expect([...known].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { type: 'innovation', id: 'i1', rev: 2, tombstoned: false },
      { type: 'service', id: 's1', rev: 2, tombstoned: true },
    ]);
  });

  it('looks each identity up through the record index, never a walk of the log', async () => {
    const plan = await db.$client.execute({
      sql: `EXPLAIN QUERY PLAN ${latestRevisionsSql(2)}`,
      args: ['service', 's1', 'innovation', 'i1', 1],
    });
    const steps = plan.rows.map((row) => String(row.detail));
    expect(steps.some((step) => step.includes('USING INDEX entries_record'))).toBe(true);
    expect(steps.filter((step) => step.startsWith('SCAN'))).toEqual([
      'SCAN 2 CONSTANT ROWS',
      'SCAN w',
    ]);
    expect(await storedRevisions(db, 1).revisionsOf([])).toEqual([]);
  });
});
