import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { RELEASE } from '../src/release.js';

let dir: string;
let url: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-node-release-'));
  url = `file:${join(dir, 'node.db')}`;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a database and the release that opens it', () => {
  it('runs and counts this release’s migrations once, then none', async () => {
    const first = await openDatabase({ url });
    expect(first.migrated).toEqual(expect.arrayContaining(['0000_init', '0001_admin_sessions']));
    first.close();
    const again = await openDatabase({ url });
    expect(again.migrated).toEqual([]);
    again.close();
  });

  it('refuses a database migrated by a newer release, naming both versions, and changes nothing', async () => {
    (await openDatabase({ url })).close();
    // What a later release leaves behind: one more migration, and its own version.
    const newer = createClient({ url });
    await newer.execute(
      "insert into __drizzle_migrations (hash, created_at) values ('later', 4102444800000)",
    );
    await newer.execute("update promise_release set version = '9.4.0' where id = 1");
    newer.close();

    await expect(openDatabase({ url })).rejects.toMatchObject({
      code: 'DATABASE_TOO_NEW',
      message: expect.stringMatching(
        new RegExp(
          `migrated by @promise-global/node 9\\.4\\.0 .*this is ${RELEASE.version.replaceAll('.', '\\.')}`,
        ),
      ),
    });
    const after = createClient({ url });
    const rows = await after.execute('select version from promise_release');
    expect(rows.rows[0]?.version).toBe('9.4.0');
    after.close();
  });
});
