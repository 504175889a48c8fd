import { type Client, createClient } from '@libsql/client';
import {
  checkDatabaseRelease,
  databaseFilePath,
  databaseOpenError,
  privateDatabaseFile,
  recordDatabaseRelease,
} from '@promise-global/operations';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Logger } from 'pino';
import { hubLogger } from '../logging/hub-logger.js';
import { RELEASE } from '../release.js';
import * as schema from './schema/index.js';

export type HubDatabase = LibSQLDatabase<typeof schema> & { $client: Client };

/** The committed migrations, applied at start. */
export const migrationsFolder = RELEASE.migrationsFolder;

/**
 * Opens the hub's database: an embedded libSQL file (`file:…`, owner-only with its WAL, in an
 * owner-only folder), `:memory:`, or a libSQL server (`libsql://…`), unchanged. Applies the
 * committed migrations, after refusing a database a newer release has migrated, and logs them.
 */
export async function openDatabase(
  options: { url: string; authToken?: string },
  log: Logger = hubLogger('warn'),
): Promise<HubDatabase> {
  const file = databaseFilePath(options.url);
  if (file !== null) {
    const warning = await privateDatabaseFile(file);
    if (warning) log.warn(warning);
  }
  const client = createClient({ url: options.url, authToken: options.authToken });
  try {
    return await migrated(client, options.url, log);
  } catch (error) {
    client.close();
    throw databaseOpenError(error, options.url);
  }
}

async function migrated(client: Client, url: string, log: Logger): Promise<HubDatabase> {
  if (url === ':memory:' || url.startsWith('file:')) {
    // WAL keeps readers (search) from waiting on the harvester's writes; NORMAL is crash-safe in WAL.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA busy_timeout = 5000');
    // A larger page cache keeps FTS5 segment merges and the log's indexes in memory.
    await client.execute('PRAGMA cache_size = -65536');
  }
  const { pending } = await checkDatabaseRelease(client, RELEASE);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  if (pending.length > 0) {
    await recordDatabaseRelease(client, RELEASE);
    log.info({ migrations: pending, release: RELEASE.version }, 'database migrated');
  }
  return db;
}
