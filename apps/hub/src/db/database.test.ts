import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from './database.js';
import * as schema from './schema/index.js';

describe('database', () => {
  it('applies the committed migrations to a fresh in-memory database', async () => {
    const db = await openDatabase({ url: ':memory:' });
    const tables = await db.$client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    );
    const names = tables.rows.map((row) => String(row.name));
    expect(names).toEqual(
      expect.arrayContaining(['nodes', 'entries', 'innovations', 'innovation_fts']),
    );
    db.$client.close();
  });

  it('has no drift between the drizzle schema and the committed migrations', async () => {
    const journal = JSON.parse(
      await readFile(join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
    ) as {
      entries: { idx: number }[];
    };
    const last = journal.entries.at(-1);
    expect(last).toBeDefined();
    const snapshotFile = `${String(last?.idx).padStart(4, '0')}_snapshot.json`;
    const committed = JSON.parse(
      await readFile(join(migrationsFolder, 'meta', snapshotFile), 'utf8'),
    );
    const current = await generateSQLiteDrizzleJson(schema);
    const statements = await generateSQLiteMigration(committed, current);
    expect(statements, 'run `pnpm --filter @promise-global/hub db:generate`').toEqual([]);
  });

  it('notices drift when the schema gains a column the migrations lack', async () => {
    const { sqliteTable, text } = await import('drizzle-orm/sqlite-core');
    const journal = JSON.parse(
      await readFile(join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
    ) as {
      entries: { idx: number }[];
    };
    const snapshotFile = `${String(journal.entries.at(-1)?.idx).padStart(4, '0')}_snapshot.json`;
    const committed = JSON.parse(
      await readFile(join(migrationsFolder, 'meta', snapshotFile), 'utf8'),
    );
    const changed = {
      ...schema,
      extra: sqliteTable('extra_table', { id: text('id').primaryKey() }),
    };
    const statements = await generateSQLiteMigration(
      committed,
      await generateSQLiteDrizzleJson(changed),
    );
    expect(statements.join('\n')).toContain('extra_table');
  });
});

describe('a database migrated by a newer hub release', () => {
  it('is refused, naming both versions, and left as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'promise-hub-release-'));
    const url = `file:${join(dir, 'hub.db')}`;
    try {
      (await openDatabase({ url })).$client.close();
      const newer = createClient({ url });
      await newer.execute(
        "insert into __drizzle_migrations (hash, created_at) values ('later', 4102444800000)",
      );
      await newer.execute("update promise_release set version = '3.1.0' where id = 1");
      newer.close();
      await expect(openDatabase({ url })).rejects.toMatchObject({
        code: 'DATABASE_TOO_NEW',
        message: expect.stringMatching(/migrated by @promise-global\/hub 3\.1\.0 .*this is \d/),
      });
      const after = createClient({ url });
      const rows = await after.execute('select count(*) as n from __drizzle_migrations');
      expect(Number(rows.rows[0]?.n)).toBeGreaterThan(1);
      after.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
