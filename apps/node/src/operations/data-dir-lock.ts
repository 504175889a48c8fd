import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { NodeError } from '../errors.js';

/** Who holds a data directory: written into its lock file by `promise-node start`. */
interface Holder {
  pid: number;
  host: string;
  startedAt: string;
}

const LOCK_FILE = 'promise-node.lock';

/** A held lock on a data directory; `release` removes it (only if it is still ours). */
export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * Takes the data directory for this process, so that `restore` (or a second `start`) cannot
 * replace the database under a running node. A lock left by a process that no longer runs on
 * this host is taken over.
 */
export async function lockDataDir(dir: string, purpose: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
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
      if (holder && isRunning(holder)) throw dataDirInUse(dir, holder, purpose);
      await rm(file, { force: true });
    }
  }
  throw new NodeError(409, 'DATA_DIR_LOCKED', `Could not lock ${dir}; try again`);
}

async function readHolder(file: string): Promise<Holder | null> {
  try {
    const holder = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    return Number.isSafeInteger(holder.pid) && typeof holder.host === 'string'
      ? (holder as Holder)
      : null;
  } catch {
    return null;
  }
}

function isRunning(holder: Holder): boolean {
  // Another host's process cannot be checked from here: treat its lock as held.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function dataDirInUse(dir: string, holder: Holder, purpose: string): NodeError {
  return new NodeError(
    409,
    'DATA_DIR_LOCKED',
    `Cannot ${purpose}: ${dir} is in use by promise-node (process ${holder.pid} on ${holder.host}, ` +
      `started ${holder.startedAt}). Stop that node first.`,
  );
}
