import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export const OWNER_ONLY_FILE = 0o600;
const OWNER_ONLY_DIR = 0o700;

/**
 * Prepares the node's database file so SQLite never creates it readable by others: its folder
 * is made 0700 when created, the file is created empty and 0600 before SQLite opens it (SQLite
 * gives its WAL and shared-memory files the database file's mode), and an existing database and
 * its WAL are made 0600. Returns a warning when an existing folder is open to others: it may be
 * shared, so it is never changed behind the operator's back.
 */
export function privateDatabaseFile(file: string): string | undefined {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_DIR });
  closeSync(openSync(file, 'a', OWNER_ONLY_FILE));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      chmodSync(path, OWNER_ONLY_FILE);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    }
  }
  const mode = statSync(folder).mode & 0o777;
  return (mode & 0o077) === 0
    ? undefined
    : `${folder} holds the node's database and is open to other users (mode ${mode.toString(8)}); chmod 700 it`;
}
