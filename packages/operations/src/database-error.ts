import { OperationError } from './operation-error.js';

const UNREADABLE = ['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN'];

/**
 * An error from opening a database, in words an operator can act on: a file that is not a
 * database, is damaged or cannot be opened names the file and the way back (a backup); anything
 * else is returned unchanged.
 */
export function databaseOpenError(error: unknown, url: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !UNREADABLE.some((known) => code.startsWith(known))) return error;
  const what = code.startsWith('SQLITE_CANTOPEN')
    ? 'cannot be opened'
    : 'is not a readable database';
  return new OperationError(
    'DATABASE_UNREADABLE',
    `${url} ${what} (${code}); nothing was changed. Check the path and its permissions, or restore a backup.`,
  );
}

/** A key file that does not parse as a signing key: never replaced, since a new key is a new identity. */
export function keyFileError(file: string, error: unknown): OperationError {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return new OperationError(
    'KEY_FILE_INVALID',
    `${file} does not hold a signing key (${reason}). Restore it from a backup: a new key would be a new identity.`,
  );
}
