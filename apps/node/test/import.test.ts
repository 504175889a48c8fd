import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedRecords } from '../src/db/schema.js';
import { exportRecords } from '../src/export/export-records.js';
import { ImportError } from '../src/import/import-plan.js';
import { importJson, importRecords } from '../src/import/import-records.js';
import { followFeed } from './feed-checker.js';
import { innovation, organisation, service } from './fixtures.js';
import { createTestNode } from './test-node.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-node-import-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const orgId = '3f1c2b7a-9d4e-4f6a-8b2c-1e0d9c8b7a65';

describe('importRecords', () => {
  it('imports organisations, services and submitted write-ups from JSON into a verifiable feed', async () => {
    await using t = await createTestNode();
    const file = join(dir, 'content.json');
    await writeFile(
      file,
      JSON.stringify({
        organisations: [{ ...organisation, id: orgId }],
        services: [service(orgId)],
        innovations: [
          { ...innovation, status: 'submitted' },
          { ...innovation, title: 'Still a draft' },
        ],
      }),
    );
    const progress: [number, number][] = [];
    const summary = await importRecords(t.node.context, file, {
      onProgress: (done, _total, committed) => progress.push([done, committed]),
    });
    expect(summary).toMatchObject({
      organisations: 1,
      services: 1,
      innovations: 2,
      submitted: 1,
      records: 3,
    });
    // Each item as it is written, then the commit (one chunk: all four at once).
    expect(progress).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [4, 4],
    ]);
    const feed = await followFeed(
      (path) => Promise.resolve(t.node.app.request(path)),
      t.node.url,
      'fenland',
    );
    expect((await feed.next()).map((r) => r.payload.type)).toEqual([
      'partner',
      'organisation',
      'service',
      'innovation',
    ]);
  });

  it('keeps the original submission time of a piece moved from another system, never a future one', async () => {
    await using t = await createTestNode();
    const earlier = '2026-03-02T09:30:00.000Z';
    const future = new Date(Date.now() + 86_400_000).toISOString();
    await importJson(t.node.context, {
      innovations: [
        { ...innovation, title: 'Moved across', status: 'submitted', submittedAt: earlier },
        { ...innovation, title: 'Claims the future', status: 'submitted', submittedAt: future },
      ],
    });
    const feed = await followFeed(
      (path) => Promise.resolve(t.node.app.request(path)),
      t.node.url,
      'fenland',
    );
    const pieces = (await feed.next())
      .filter((record) => record.payload.type === 'innovation')
      .map((record) => record.payload.data as { title: string; submittedAt: string });
    expect(pieces.find((piece) => piece.title === 'Moved across')?.submittedAt).toBe(earlier);
    const clamped = pieces.find((piece) => piece.title === 'Claims the future')?.submittedAt ?? '';
    expect(clamped < future).toBe(true);
  });

  it('changes nothing when one item is bad, and reports it by path', async () => {
    await using t = await createTestNode();
    const error = await importJson(t.node.context, {
      organisations: [{ ...organisation, id: orgId }],
      services: [service(orgId), { ...service(orgId), urgency: 'soon' }],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).errors).toEqual([
      { row: 'services[1]', field: 'urgency', message: expect.stringContaining('Invalid option') },
    ]);
    const records = await t.node.context.database.read((db) => db.select().from(feedRecords));
    expect(records).toHaveLength(1);
  });

  it('refuses a file with unknown top-level keys, naming them, and changes nothing', async () => {
    await using t = await createTestNode();
    const error = await importJson(t.node.context, {
      service: [service(orgId)],
      organisation: [organisation],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).errors).toEqual([
      {
        row: 'file',
        field: '(root)',
        message: expect.stringContaining('unknown top-level keys "service", "organisation"'),
      },
    ]);
    const records = await t.node.context.database.read((db) => db.select().from(feedRecords));
    expect(records).toHaveLength(1);
  });

  it('rolls back everything when a write fails part-way (a service of an unknown organisation)', async () => {
    await using t = await createTestNode();
    const error = await importJson(t.node.context, {
      organisations: [organisation],
      services: [service('6a3b1c9e-0d7f-4b2a-9e51-3c2d1f0a9b87')],
    }).catch((caught: unknown) => caught);
    expect((error as ImportError).errors).toEqual([
      { row: 'services[0]', field: 'organisationId', message: 'No organisation with this id' },
    ]);
    const records = await t.node.context.database.read((db) => db.select().from(feedRecords));
    expect(records).toHaveLength(1);
  });

  it('commits a large file in chunks, reporting how far it got, and keeps the chunks before a refused row', async () => {
    await using t = await createTestNode();
    const progress: [number, number, number][] = [];
    const error = await importJson(
      t.node.context,
      {
        organisations: [{ ...organisation, id: orgId }],
        services: [
          service(orgId),
          service(orgId),
          service(orgId),
          service('6a3b1c9e-0d7f-4b2a-9e51-3c2d1f0a9b87'),
          service(orgId),
        ],
      },
      { chunkItems: 2, onProgress: (...step) => progress.push(step) },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).imported).toBe(4);
    expect((error as ImportError).message).toMatch(
      /^Import stopped: the first 4 items were imported/,
    );
    expect((error as ImportError).errors).toEqual([
      { row: 'services[3]', field: 'organisationId', message: 'No organisation with this id' },
    ]);
    // The partner record, then the organisation and three services: the fourth service's chunk rolled back.
    const records = await t.node.context.database.read((db) => db.select().from(feedRecords));
    expect(records).toHaveLength(5);
    expect(progress.map(([, , committed]) => committed)).toEqual([0, 0, 2, 2, 2, 4, 4, 4]);
    expect(progress.at(-1)).toEqual([6, 6, 4]);
  });

  it('round-trips an export into an empty node with the same ids', async () => {
    await using source = await createTestNode();
    await importJson(source.node.context, {
      organisations: [{ ...organisation, id: orgId }],
      services: [service(orgId)],
      innovations: [{ ...innovation, status: 'submitted' }],
    });
    const exported = await exportRecords(source.node.context);
    await using target = await createTestNode({ partnerId: 'fenland' });
    await importJson(target.node.context, JSON.parse(JSON.stringify(exported)));
    const again = await exportRecords(target.node.context);
    const strip = (value: typeof exported) =>
      JSON.parse(
        JSON.stringify(value, (key, v) =>
          ['updatedAt', 'submittedAt', 'exportedAt'].includes(key) ? undefined : v,
        ),
      );
    expect(strip(again)).toEqual(strip(exported));
  });
});
