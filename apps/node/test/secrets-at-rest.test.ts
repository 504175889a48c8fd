import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../src/backup/backup.js';
import { openDatabase } from '../src/db/database.js';
import { createNode } from '../src/node.js';
import { organisation, partnerProfile } from './fixtures.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'promise-node-at-rest-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const modeOf = async (path: string) => ((await stat(path)).mode & 0o777).toString(8);

describe('the node’s files at rest', () => {
  it('keeps its database, WAL, key and backups owner-only, in an owner-only folder', async () => {
    const dataDir = join(root, 'data');
    const node = await createNode({
      partnerId: 'fenland',
      dataDir,
      port: 0,
      logLevel: 'silent',
      partner: partnerProfile,
    });
    try {
      await node.start();
      const token = await node.createToken('staff', 'editor');
      const created = await fetch(`${node.url}/api/organisations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(organisation),
      });
      expect(created.status).toBe(201);
      expect(await modeOf(dataDir)).toBe('700');
      for (const name of ['node.db', 'node.db-wal', 'node.db-shm', 'signing-key.json'])
        expect({ name, mode: await modeOf(join(dataDir, name)) }).toEqual({ name, mode: '600' });
      const backup = join(root, 'backup.db');
      await backupDatabase(node.context.database, backup);
      expect(await modeOf(backup)).toBe('600');
    } finally {
      await node.close();
    }
    await chmod(join(root, 'backup.db'), 0o644);
    await restoreDatabase(`file:${join(dataDir, 'node.db')}`, join(root, 'backup.db'));
    expect(await modeOf(join(dataDir, 'node.db'))).toBe('600');
  });

  it('makes an existing world-readable database owner-only when it opens it', async () => {
    const file = join(root, 'old', 'node.db');
    (await openDatabase({ url: `file:${file}` })).close();
    await chmod(file, 0o644);
    const reopened = await openDatabase({ url: `file:${file}` });
    try {
      expect(await modeOf(file)).toBe('600');
    } finally {
      reopened.close();
    }
  });
});
