import { constants } from 'node:fs';
import { chmod, mkdir, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_DIR = 0o700;

/**
 * Makes the folder for a private file (0700 when created). Returns a warning when an existing
 * folder is open to others: it may be shared (`/tmp`, a home directory), so it is never changed
 * behind the operator's back.
 */
export async function privateFolder(file: string): Promise<string | undefined> {
  const folder = dirname(file);
  await mkdir(folder, { recursive: true, mode: OWNER_ONLY_DIR });
  const mode = (await stat(folder)).mode & 0o777;
  return (mode & 0o077) === 0
    ? undefined
    : `${folder} holds private files and is open to other users (mode ${mode.toString(8)}); chmod 700 it`;
}

/**
 * Prepares an embedded database file so SQLite never creates it readable by others: the file is
 * created empty and owner-only before SQLite opens it (SQLite gives its WAL and shared-memory
 * files the database file's mode), and an existing database and its WAL are made owner-only.
 * Returns {@link privateFolder}'s warning.
 */
export async function privateDatabaseFile(file: string): Promise<string | undefined> {
  const warning = await privateFolder(file);
  const handle = await open(file, constants.O_CREAT | constants.O_RDWR, OWNER_ONLY_FILE);
  await handle.close();
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      await chmod(path, OWNER_ONLY_FILE);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    }
  }
  return warning;
}

/** The path of a `file:` database URL, or null for `:memory:` and remote servers. */
export function databaseFilePath(url: string): string | null {
  if (!url.startsWith('file:') || url.startsWith('file::memory:')) return null;
  return url.slice('file:'.length).split('?')[0] || null;
}
