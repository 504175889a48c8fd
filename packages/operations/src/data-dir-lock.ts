import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { OperationError } from './operation-error.js';
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from './private-files.js';

/** Who holds a data directory: written into its lock file by the program's `start`. */
export interface DataDirHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/** A held lock on a data directory; `release` removes it (only if it is still ours). */
export interface DataDirLock {
  release(): Promise<void>;
}

/** Whose lock it is: the program's name, also the lock file's (`<program>.lock`). */
export interface LockOptions {
  program: string;
  /** What the caller wants to do, for the refusal: "restore", "start the hub". */
  purpose: string;
}

const lockFile = (dir: string, program: string) => join(dir, `${program}.lock`);

/**
 * Takes the data directory for this process, so that `restore` (or a second `start`) cannot
 * replace the database under a running server. A lock left by a process that no longer runs on
 * this host is taken over.
 */
export async function lockDataDir(dir: string, options: LockOptions): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true, mode: OWNER_ONLY_DIR });
  const file = lockFile(dir, options.program);
  const me: DataDirHolder = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx', OWNER_ONLY_FILE);
      await handle.writeFile(`${JSON.stringify(me)}\n`);
      await handle.close();
      return {
        async release() {
          const holder = await readHolder(file);
          if (holder?.pid === me.pid && holder.host === me.host) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(file);
      if (holder && isRunning(holder)) throw dataDirInUse(dir, holder, options);
      await rm(file, { force: true });
    }
  }
  throw new OperationError('DATA_DIR_LOCKED', `Could not lock ${dir}; try again`);
}

/** The live process on this host holding the data directory, if any (a stale lock is none). */
export async function dataDirHolder(dir: string, program: string): Promise<DataDirHolder | null> {
  const holder = await readHolder(lockFile(dir, program));
  return holder && holder.host === hostname() && isRunning(holder) ? holder : null;
}

async function readHolder(file: string): Promise<DataDirHolder | null> {
  try {
    const holder = JSON.parse(await readFile(file, 'utf8')) as Partial<DataDirHolder>;
    return Number.isSafeInteger(holder.pid) && typeof holder.host === 'string'
      ? (holder as DataDirHolder)
      : null;
  } catch {
    return null;
  }
}

function isRunning(holder: DataDirHolder): boolean {
  // Another host's process cannot be checked from here: treat its lock as held.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function dataDirInUse(dir: string, holder: DataDirHolder, options: LockOptions): OperationError {
  return new OperationError(
    'DATA_DIR_LOCKED',
    `Cannot ${options.purpose}: ${dir} is in use by ${options.program} (process ${holder.pid} on ` +
      `${holder.host}, started ${holder.startedAt}). Stop it first.`,
  );
}
