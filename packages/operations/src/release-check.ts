import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { OperationError } from './operation-error.js';

interface Journal {
  entries: { when: number; tag: string }[];
}

/** The program whose migrations these are: its package name and this release's version. */
export interface Release {
  packageName: string;
  version: string;
  /** drizzle-kit's migrations folder (with `meta/_journal.json`). */
  migrationsFolder: string;
}

/** What {@link checkDatabaseRelease} found: this release's migrations not yet applied, by tag. */
export interface PendingMigrations {
  pending: string[];
}

const RELEASE_TABLE = 'promise_release';

/**
 * Refuses a database that a newer release has migrated (it holds a migration this release does
 * not know, and this code would misread it), naming both releases. Returns which of this
 * release's migrations are still to run.
 */
export async function checkDatabaseRelease(
  client: Client,
  release: Release,
): Promise<PendingMigrations> {
  const journal: Journal = JSON.parse(
    readFileSync(join(release.migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  );
  const known = journal.entries.at(-1)?.when ?? 0;
  const applied = await appliedMigrations(client);
  const newest = Math.max(0, ...applied);
  if (newest > known) {
    const by = await releaseThatMigrated(client);
    const name = release.packageName;
    throw new OperationError(
      'DATABASE_TOO_NEW',
      `The database was migrated by ${name} ${by ?? 'a newer release'} ` +
        `(${applied.length} migrations); this is ${release.version}, which knows ${journal.entries.length}. ` +
        `Run ${by ?? 'that release'} or later, or restore a backup made by ${release.version} or earlier.`,
    );
  }
  return { pending: journal.entries.filter((entry) => entry.when > newest).map((e) => e.tag) };
}

/** Remembers which release last migrated the database, for the message above. */
export async function recordDatabaseRelease(client: Client, release: Release): Promise<void> {
  await client.execute(
    `create table if not exists ${RELEASE_TABLE} (id integer primary key check (id = 1), version text not null, migrated_at text not null)`,
  );
  await client.execute({
    sql: `insert or replace into ${RELEASE_TABLE} (id, version, migrated_at) values (1, ?, ?)`,
    args: [release.version, new Date().toISOString()],
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
    const rows = await client.execute(`select version from ${RELEASE_TABLE} where id = 1`);
    return (rows.rows[0]?.version as string | undefined) ?? null;
  } catch {
    return null;
  }
}
