import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey } from '@promise-global/sdk/keys';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHub } from '../src/create-hub.js';
import { openDatabase } from '../src/db/database.js';
import { hubKeys } from '../src/db/schema/index.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'promise-hub-at-rest-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);

async function rawFiles(dir: string): Promise<string> {
  const parts = await Promise.all(
    ['hub.db', 'hub.db-wal'].map((name) => readFile(join(dir, name)).catch(() => Buffer.alloc(0))),
  );
  return Buffer.concat(parts).toString('latin1');
}

async function startFileHub(url: string) {
  const hub = await createHub({
    database: { url },
    harvest: { schedule: false },
    logLevel: 'silent',
  });
  await hub.start();
  return hub;
}

async function identity(url: string): Promise<{ kid: string }[]> {
  const response = await fetch(`${url}/.well-known/jwks.json`);
  return ((await response.json()) as { keys: { kid: string }[] }).keys;
}

describe('the hub’s secrets at rest', () => {
  it('keeps its private key in a 0600 key file, not in the database, and every file owner-only', async () => {
    const dir = join(root, 'hub-data');
    const hub = await startFileHub(`file:${join(dir, 'hub.db')}`);
    try {
      const keyFile = join(dir, 'hub-signing-key.json');
      const jwk = JSON.parse(await readFile(keyFile, 'utf8')) as { d: string; kid: string };
      expect(await modeOf(keyFile)).toBe('600');
      expect(await modeOf(dir)).toBe('700');
      for (const name of ['hub.db', 'hub.db-wal', 'hub.db-shm'])
        expect({ name, mode: await modeOf(join(dir, name)) }).toEqual({ name, mode: '600' });
      expect(await hub.db.select().from(hubKeys)).toEqual([]);
      expect(await rawFiles(dir)).not.toContain(jwk.d);
    } finally {
      await hub.close();
    }
  });

  it('moves the private key of a hub that kept it in its database to the key file, same identity', async () => {
    const dir = join(root, 'old-hub');
    const url = `file:${join(dir, 'hub.db')}`;
    // A hub from before: its key in hub_keys.
    const old = await generateSigningKey();
    const db = await openDatabase({ url });
    await db.insert(hubKeys).values({
      kid: old.kid,
      privateJwk: { ...old.privateJwk },
      publicJwk: { ...old.publicJwk },
      createdAt: Date.now(),
    });
    db.$client.close();
    expect(await rawFiles(dir)).toContain(String(old.privateJwk.d));

    const hub = await startFileHub(url);
    try {
      const keyFile = join(dir, 'hub-signing-key.json');
      expect(JSON.parse(await readFile(keyFile, 'utf8'))).toMatchObject({ d: old.privateJwk.d });
      expect(await modeOf(keyFile)).toBe('600');
      expect((await identity(hub.url)).map((key) => key.kid)).toEqual([old.kid]);
      expect(await hub.db.select().from(hubKeys)).toEqual([]);
      expect(await rawFiles(dir)).not.toContain(String(old.privateJwk.d));
    } finally {
      await hub.close();
    }
    // And the next start reads the same key from the file.
    const again = await startFileHub(url);
    try {
      expect((await identity(again.url)).map((key) => key.kid)).toEqual([old.kid]);
    } finally {
      await again.close();
    }
  });

  it('makes an existing world-readable database owner-only when it opens it', async () => {
    const dir = join(root, 'loose');
    const file = join(dir, 'hub.db');
    const db = await openDatabase({ url: `file:${file}` });
    db.$client.close();
    await chmod(file, 0o644);
    const reopened = await openDatabase({ url: `file:${file}` });
    try {
      expect(await modeOf(file)).toBe('600');
    } finally {
      reopened.$client.close();
    }
  });
});
