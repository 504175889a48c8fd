import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../src/import/import-plan.js';
import { importJson, importRecords } from '../src/import/import-records.js';
import { organisation } from './fixtures.js';
import { createTestNode } from './test-node.js';

describe('text on input', () => {
  it.each([
    ['a NUL', '"Fen\\u0000land Trust"', 'must not contain control characters'],
    ['a lone surrogate', '"Fen x\\ud800y Trust"', 'lone UTF-16 surrogate'],
    ['only zero-width spaces', '"\\u200b\\u200b"', 'must contain visible text'],
  ])('refuses a name holding %s, saying why', async (_, name, message) => {
    await using t = await createTestNode();
    const body = JSON.stringify({ ...organisation, name: '@' }).replace('"@"', name);
    const reply = await t.json<{
      error: { code: string; issues: { path: string; message: string }[] };
    }>('POST', '/api/organisations', body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.issues).toEqual([
      { path: 'name', message: expect.stringContaining(message) },
    ]);
  });

  it('stores and signs text in NFC', async () => {
    await using t = await createTestNode();
    const reply = await t.json<{ data: { name: string } }>('POST', '/api/organisations', {
      ...organisation,
      name: 'Cafe\u0301 Zoe\u0308 Trust',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.data.name).toBe('Caf\u00e9 Zo\u00eb Trust');
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['XML', 'application/xml'],
    ['no type', ''],
  ])('answers 415 to a JSON body sent as %s', async (_, type) => {
    await using t = await createTestNode();
    const response = await t.node.app.request('/api/organisations', {
      method: 'POST',
      headers: { authorization: `Bearer ${t.editor}`, ...(type ? { 'content-type': type } : {}) },
      body: JSON.stringify(organisation),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('accepts JSON types in any case and with parameters', async () => {
    await using t = await createTestNode();
    const response = await t.node.app.request('/api/organisations', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.editor}`,
        'content-type': 'Application/JSON; charset=utf-8',
      },
      body: JSON.stringify(organisation),
    });
    expect(response.status).toBe(201);
  });

  it('refuses unclean text in a JSON import and normalises the rest', async () => {
    await using t = await createTestNode();
    const error = await importJson(t.node.context, {
      organisations: [{ ...organisation, name: 'Fen\u0007land' }],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).errors).toEqual([
      expect.objectContaining({ field: 'name', message: 'must not contain control characters' }),
    ]);
    await importJson(t.node.context, {
      organisations: [{ ...organisation, name: 'Cafe\u0301 Trust' }],
    });
    const list = await t.json<{ items: { data: { name: string } }[] }>('GET', '/api/organisations');
    expect(list.body.items.map((item) => item.data.name)).toEqual(['Caf\u00e9 Trust']);
  });

  it('refuses unclean text in a CSV import', async () => {
    await using t = await createTestNode();
    const dir = await mkdtemp(join(tmpdir(), 'promise-node-hygiene-'));
    try {
      const file = join(dir, 'services.csv');
      await writeFile(
        file,
        'organization_name,name,description\n"Fen\u0000land Trust","Crisis line","A line."\n',
      );
      const error = await importRecords(t.node.context, file).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ImportError);
      expect(JSON.stringify((error as ImportError).errors)).toContain(
        'must not contain control characters',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
