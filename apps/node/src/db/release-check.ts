import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { NodeError } from '../errors.js';

interface Journal {
  entries: { when: number; tag: string }[];
}

/** This release's version, as its package says. */
export const RELEASE: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;

/**
 * Refuses a database that a newer release has migrated (it holds a migration this release does
 * not know, and this code would misread it), naming both releases. Returns how many of this
 * release's migrations are still to run.
 */
export async function checkDatabaseRelease(client: Client, migrationsFolder: string) {
  const journal: Journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  );
  const known = journal.entries.at(-1)?.when ?? 0;
  const applied = await appliedMigrations(client);
  const newest = Math.max(0, ...applied);
  if (newest > known) {
    const by = await releaseThatMigrated(client);
    throw new NodeError(
      409,
      'DATABASE_TOO_NEW',
      `The database was migrated by @promise-global/node ${by ?? 'a newer release'} ` +
        `(${applied.length} migrations); this is ${RELEASE}, which knows ${journal.entries.length}. ` +
        `Run ${by ?? 'that release'} or later, or restore a backup made by ${RELEASE} or earlier.`,
    );
  }
  return { pending: journal.entries.filter((entry) => entry.when > newest).length };
}

/** Remembers which release last migrated the database, for the message above. */
export async function recordDatabaseRelease(client: Client): Promise<void> {
  await client.execute(
    'create table if not exists node_release (id integer primary key check (id = 1), version text not null, migrated_at text not null)',
  );
  await client.execute({
    sql: 'insert or replace into node_release (id, version, migrated_at) values (1, ?, ?)',
    args: [RELEASE, new Date().toISOString()],
  });
}

async function appliedMigrations(client: Client): Promise<number[]> {
  const table = await client.execute(
    "select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'",
  );
  if (table.rows.length === 0) return [];
  const rows = await client.execute('select created_at from __drizzle_migrations');
  return rows.rows.map((row) => Number(row.created_at));
}

async function releaseThatMigrated(client: Client): Promise<string | null> {
  try {
    const rows = await client.execute('select version from node_release where id = 1');
    return (rows.rows[0]?.version as string | undefined) ?? null;
  } catch {
    return null;
  }
}
