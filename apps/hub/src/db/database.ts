import { fileURLToPath } from 'node:url';
import { type Client, createClient } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { type Logger, pino } from 'pino';
import { databaseFilePath, privateDatabaseFile } from './private-files.js';
import * as schema from './schema/index.js';

export type HubDatabase = LibSQLDatabase<typeof schema> & { $client: Client };

/** The committed migrations, applied at start. */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Opens the hub's database: an embedded libSQL file (`file:…`, owner-only with its WAL, in an
 * owner-only folder), `:memory:`, or a libSQL server (`libsql://…`), unchanged. Applies the
 * committed migrations.
 */
export async function openDatabase(
  options: { url: string; authToken?: string },
  log: Logger = pino({ level: 'warn', base: { app: 'hub' } }),
): Promise<HubDatabase> {
  const file = databaseFilePath(options.url);
  if (file !== null) await privateDatabaseFile(file, log);
  const client = createClient({ url: options.url, authToken: options.authToken });
  if (options.url === ':memory:' || options.url.startsWith('file:')) {
    // WAL keeps readers (search) from waiting on the harvester's writes; NORMAL is crash-safe in WAL.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA busy_timeout = 5000');
    // A larger page cache keeps FTS5 segment merges and the log's indexes in memory.
    await client.execute('PRAGMA cache_size = -65536');
  }
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return db;
}
