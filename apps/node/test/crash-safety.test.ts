import { describe, expect, it } from 'vitest';
import { feedRecords, organisations } from '../src/db/schema.js';
import { createOrganisation } from '../src/resources/organisations.js';
import { write } from '../src/write.js';
import { organisation } from './fixtures.js';
import { createTestNode } from './test-node.js';

describe('crash safety', () => {
  it('leaves neither data nor record when the record cannot be stored', async () => {
    await using t = await createTestNode({ partner: undefined });
    await t.node.context.database.client.execute(
      `create trigger refuse_records before insert on feed_records begin select raise(abort, 'disk full'); end`,
    );
    const response = await t.call('POST', '/api/organisations', organisation);
    expect(response.status).toBe(500);
    const rows = await t.node.context.database.read(async (db) => ({
      organisations: await db.select().from(organisations),
      records: await db.select().from(feedRecords),
    }));
    expect(rows).toEqual({ organisations: [], records: [] });
  });

  it('leaves neither data nor record when the write fails after signing', async () => {
    await using t = await createTestNode({ partner: undefined });
    const fields = { ...organisation, identifiers: organisation.identifiers ?? [] };
    await expect(
      write(t.node.context, async (w) => {
        await createOrganisation(w, fields);
        throw new Error('killed between data and commit');
      }),
    ).rejects.toThrow('killed');
    const counts = await t.node.context.database.read(async (db) => [
      (await db.select().from(organisations)).length,
      (await db.select().from(feedRecords)).length,
    ]);
    expect(counts).toEqual([0, 0]);
    expect((await t.call('POST', '/api/organisations', organisation)).status).toBe(201);
    const seqs = await t.node.context.database.read((db) =>
      db.select({ seq: feedRecords.seq }).from(feedRecords),
    );
    expect(seqs).toEqual([{ seq: 1 }]);
  });
});
