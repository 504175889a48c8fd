import { chmod, link, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  databaseFilePath,
  keyFileError,
  OWNER_ONLY_FILE,
  privateFolder,
} from '@promise-global/operations';
import {
  generateSigningKey,
  type JWK,
  type SigningKey,
  signingKeyFromJwk,
} from '@promise-global/sdk/keys';
import { asc } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { HubConfig } from '../config/config.js';
import type { HubDatabase } from '../db/database.js';
import { hubKeys } from '../db/schema/index.js';

/** Where the hub keeps its key when the configuration does not say (see `keyFile`). */
export function hubKeyFile(config: HubConfig): string | null {
  if (config.keyFile) return resolve(config.keyFile);
  const url = config.database.url;
  if (url === ':memory:' || url.startsWith('file::memory:')) return null;
  const file = databaseFilePath(url);
  return resolve(file === null ? '.' : dirname(file), 'hub-signing-key.json');
}

export interface HubKeyOptions {
  /** The operator's key from the configuration: used as it is, nothing is written. */
  configured: JWK | undefined;
  /** The owner-only key file; null for an in-memory hub, whose key lives as long as it does. */
  keyFile: string | null;
  log: Logger;
}

/**
 * The hub's Ed25519 signing key: the configured one, else the key file (created 0600 on first
 * start, so the hub's identity survives restarts). The private key is never kept in the database:
 * a hub that stored it there before is migrated on start — the key moves to the file, unchanged,
 * and the database copy is erased.
 */
export async function loadHubKey(db: HubDatabase, options: HubKeyOptions): Promise<SigningKey> {
  const { configured, keyFile, log } = options;
  const [legacy] = await db.select().from(hubKeys).orderBy(asc(hubKeys.createdAt)).limit(1);
  if (configured) {
    if (legacy) await eraseStoredKeys(db);
    return signingKeyFromJwk(configured);
  }
  if (keyFile === null) {
    if (legacy) await eraseStoredKeys(db);
    return legacy ? signingKeyFromJwk(legacy.privateJwk as JWK) : generateSigningKey();
  }
  const existing = await readKeyFile(keyFile, log);
  if (existing) {
    if (legacy) await eraseStoredKeys(db);
    return existing;
  }
  const key = legacy
    ? await signingKeyFromJwk(legacy.privateJwk as JWK)
    : await generateSigningKey();
  const warning = await privateFolder(keyFile);
  if (warning) log.warn(warning);
  if (!(await writeKeyFile(keyFile, key))) {
    // Another process made the key file first: use theirs, never overwrite a key.
    const raced = await readKeyFile(keyFile, log);
    if (raced) return raced;
  }
  if (legacy) {
    await eraseStoredKeys(db);
    log.info({ kid: key.kid, keyFile }, 'moved the hub’s signing key out of the database');
  } else log.info({ kid: key.kid, keyFile }, 'created the hub’s signing key');
  return key;
}

/**
 * Writes the key whole or not at all (a process killed mid-write leaves no half key): to a
 * temporary owner-only file, then linked into place, never over an existing key.
 */
async function writeKeyFile(file: string, key: SigningKey): Promise<boolean> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(key.privateJwk, null, 2)}\n`, {
    mode: OWNER_ONLY_FILE,
    flag: 'w',
  });
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
}

async function readKeyFile(file: string, log: Logger): Promise<SigningKey | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
  const mode = (await stat(file)).mode & 0o777;
  if (mode !== OWNER_ONLY_FILE) {
    log.warn({ file, mode: mode.toString(8) }, 'the hub’s key file was open to others; fixing');
    await chmod(file, OWNER_ONLY_FILE);
  }
  try {
    return await signingKeyFromJwk(JSON.parse(text) as JWK);
  } catch (error) {
    throw keyFileError(file, error);
  }
}

/**
 * Deletes the private keys an older hub stored, overwriting the freed pages (secure_delete) and
 * emptying the WAL, so the key is not left readable in the database file or its log.
 */
async function eraseStoredKeys(db: HubDatabase): Promise<void> {
  const client = db.$client;
  await client.execute('PRAGMA secure_delete = ON');
  try {
    await client.execute('DELETE FROM hub_keys');
  } finally {
    await client.execute('PRAGMA secure_delete = OFF');
  }
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
}
