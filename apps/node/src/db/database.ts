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
import { isMemoryDatabase } from '../config/config.js';
import { RELEASE } from '../release.js';
import { createLock } from './lock.js';
import * as schema from './schema.js';

export type Db = LibSQLDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: query helpers take this first. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  client: Client;
  url: string;
  /** Runs `work` in one write transaction; writes in this process are serialised. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs a read; an in-memory database has one connection, so reads wait for writes there. */
  read<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /** The migrations (drizzle tags) that ran when the database was opened. */
  migrated: string[];
  close(): void;
}

export interface OpenDatabaseOptions {
  url: string;
  authToken?: string | undefined;
  /** Told when the database's folder is open to other users. */
  onWarning?: (message: string) => void;
}

/**
 * Opens the node's libSQL database (an embedded file, `:memory:`, or a `libsql://`/`http(s)://`
 * server with its auth token, passed through unchanged) and applies the committed migrations.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const { url } = options;
  const local = url.startsWith('file:') || isMemoryDatabase(url);
  const file = databaseFilePath(url);
  const warning = file === null ? undefined : await privateDatabaseFile(file);
  if (warning) options.onWarning?.(warning);
  const client = createClient({
    url,
    ...(options.authToken ? { authToken: options.authToken } : {}),
    ...(local ? { timeout: 10_000 } : {}),
  });
  try {
    if (url.startsWith('file:')) await client.execute('PRAGMA journal_mode = WAL');
    const { pending } = await checkDatabaseRelease(client, RELEASE);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: RELEASE.migrationsFolder });
    if (pending.length > 0) await recordDatabaseRelease(client, RELEASE);
    const writes = createLock();
    const exclusive = isMemoryDatabase(url);
    return {
      db,
      client,
      url,
      write: (work) => writes.run(() => db.transaction(work)),
      read: (work) => (exclusive ? writes.run(() => work(db)) : work(db)),
      migrated: pending,
      close: () => client.close(),
    };
  } catch (error) {
    client.close();
    throw databaseOpenError(error, url);
  }
}
