import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNode } from '../src/node.js';

let dataDir: string;

const nodeConfig = () => ({
  partnerId: 'fenland',
  dataDir,
  port: 0,
  logLevel: 'silent' as const,
  partner: {
    name: 'Fenland Mental Health Partnership',
    country: 'GB' as const,
    website: 'https://fenland.example.org/',
    contactEmail: 'promise@fenland.example.org',
    description: 'A fictional partner.',
  },
});

async function signSomething(): Promise<number> {
  await using node = await createNode(nodeConfig());
  await node.start();
  const token = await node.createToken('test', 'editor');
  const response = await fetch(`${node.url}/api/organisations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Fenland Community Trust', type: 'vcfse' }),
  });
  expect(response.status).toBe(201);
  const page = (await (await fetch(`${node.url}/feed?after=0`)).json()) as { records: string[] };
  return page.records.length;
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'promise-node-safety-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('a node whose database is lost', () => {
  it('refuses to start a new chain with a key that has already signed, naming how far it signed', async () => {
    const signed = await signSomething();
    expect(signed).toBe(2);
    const witness = JSON.parse(await readFile(join(dataDir, 'signing-key.witness.json'), 'utf8'));
    expect(witness.seq).toBe(2);

    for (const file of ['node.db', 'node.db-wal', 'node.db-shm']) {
      await rm(join(dataDir, file), { force: true });
    }
    await expect(createNode(nodeConfig())).rejects.toMatchObject({
      code: 'CHAIN_ROLLBACK',
      message: expect.stringContaining(
        'signed records up to seq 2, but its database holds no records',
      ),
    });
  });

  it('starts over when the operator accepts the rollback knowingly, and remembers the new chain', async () => {
    await signSomething();
    await rm(join(dataDir, 'node.db'), { force: true });
    await rm(join(dataDir, 'node.db-wal'), { force: true });
    {
      await using node = await createNode({ ...nodeConfig() }, { acceptRollback: true });
      await node.start();
    }
    const witness = JSON.parse(await readFile(join(dataDir, 'signing-key.witness.json'), 'utf8'));
    expect(witness.seq).toBe(1);
    await using again = await createNode(nodeConfig());
    expect(again.context.witness).not.toBeNull();
  });

  it('answers many writes at once with 201 each and a witness at the last record', async () => {
    await using node = await createNode(nodeConfig());
    await node.start();
    const token = await node.createToken('test', 'editor');
    const statuses = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        const response = await fetch(`${node.url}/api/organisations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Trust ${index}`, type: 'vcfse' }),
        });
        return response.status;
      }),
    );
    expect(statuses).toEqual(Array(12).fill(201));
    const witness = JSON.parse(await readFile(join(dataDir, 'signing-key.witness.json'), 'utf8'));
    expect(witness.seq).toBe(13);
  });

  it('keeps starting normally on its own database', async () => {
    await signSomething();
    await using node = await createNode(nodeConfig());
    await node.start();
    const page = (await (await fetch(`${node.url}/feed?after=0`)).json()) as { records: string[] };
    expect(page.records).toHaveLength(2);
  });
});
