import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, privateDatabaseFile, restoreDatabase } from '../src/index.js';

let dir: string;
let file: string;
let url: string;

const countNotes = async (client: ReturnType<typeof createClient>) => {
  const result = await client.execute('select count(*) as n from notes');
  return Number(result.rows[0]?.n);
};

async function notes(count: number, at = url): Promise<void> {
  const client = createClient({ url: at });
  await client.execute('create table if not exists notes (id integer primary key, body text)');
  for (let i = 0; i < count; i++)
    await client.execute({ sql: 'insert into notes (body) values (?)', args: [`note ${i}`] });
  client.close();
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promise-operations-backup-'));
  file = join(dir, 'data', 'hub.db');
  url = `file:${file}`;
  await privateDatabaseFile(file);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('backup and restore of an embedded database', () => {
  it('backs up owner-only, refuses to overwrite, and restores what the backup held', async () => {
    await notes(3);
    const client = createClient({ url });
    const backup = join(dir, 'backup.db');
    await backupDatabase(client, url, backup);
    await expect(backupDatabase(client, url, backup)).rejects.toMatchObject({
      code: 'BACKUP_EXISTS',
    });
    client.close();
    expect((await stat(backup)).mode & 0o777).toBe(0o600);
    await notes(2);

    expect(await restoreDatabase(url, backup, countNotes)).toBe(3);
    const after = createClient({ url });
    expect(await countNotes(after)).toBe(3);
    after.close();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('leaves the database untouched when the backup is not a database, or not this kind', async () => {
    await notes(4);
    const garbage = join(dir, 'garbage.db');
    await writeFile(
      garbage,
      'not a database at all, just some text that is long enough'.repeat(20),
    );
    await expect(restoreDatabase(url, garbage, countNotes)).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
    });
    const otherKind = join(dir, 'other.db');
    const other = createClient({ url: `file:${otherKind}` });
    await other.execute('create table unrelated (x)');
    other.close();
    await expect(restoreDatabase(url, otherKind, countNotes)).rejects.toMatchObject({
      code: 'BACKUP_INVALID',
      message: expect.stringContaining('no such table: notes'),
    });
    const client = createClient({ url });
    expect(await countNotes(client)).toBe(4);
    client.close();
  });

  it('refuses a backup that does not exist and creates none', async () => {
    const missing = join(dir, 'no-such-backup.db');
    await expect(restoreDatabase(url, missing, countNotes)).rejects.toMatchObject({
      code: 'BACKUP_NOT_FOUND',
    });
    await expect(readFile(missing)).rejects.toThrow();
  });

  it('refuses remote databases, which have their own backups', async () => {
    const client = createClient({ url });
    await expect(
      backupDatabase(client, 'libsql://db.example.org', join(dir, 'b.db')),
    ).rejects.toMatchObject({ code: 'BACKUP_UNSUPPORTED' });
    client.close();
    await expect(
      restoreDatabase('libsql://db.example.org', join(dir, 'b.db'), countNotes),
    ).rejects.toMatchObject({ code: 'RESTORE_UNSUPPORTED' });
  });
});
