import { readFile, rename, writeFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { feedRecords } from '../db/schema.js';
import { NodeError } from '../errors.js';
import { latestRecord } from '../feed/append-record.js';

/** The last record the node's key signed, kept beside the key, outside the database. */
export interface Witnessed {
  seq: number;
  hash: string;
}

/**
 * A small file beside the signing key that remembers how far the key has signed. A database that
 * is missing or older than that (lost, or restored from an old backup) would make the node sign a
 * second record at a seq the hub already holds: a fork of the partner's history. `check` refuses
 * to start on such a database unless the operator accepts the rollback knowingly.
 */
export interface ChainWitness {
  /** Remembers a committed record (called after every write that appended records). */
  advance(record: Witnessed): Promise<void>;
}

/** `signing-key.json` → `signing-key.witness.json`: one witness per key file, beside it. */
export function witnessFileOf(keyFile: string): string {
  return keyFile.endsWith('.json') ? `${keyFile.slice(0, -5)}.witness.json` : `${keyFile}.witness`;
}

export async function readWitness(file: string): Promise<Witnessed | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<Witnessed>;
  if (!Number.isSafeInteger(parsed.seq) || typeof parsed.hash !== 'string') {
    throw new NodeError(
      500,
      'WITNESS_INVALID',
      `${file} is not a chain witness; restore it from a backup`,
    );
  }
  return { seq: parsed.seq as number, hash: parsed.hash };
}

let staged = 0;

async function writeWitness(file: string, record: Witnessed): Promise<void> {
  // A staging name of its own per write: two writes never rename one another's file.
  const staging = `${file}.${process.pid}.${++staged}.tmp`;
  await writeFile(staging, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  await rename(staging, file);
}

/**
 * Checks the database against the witness and returns the witness to keep up to date. With
 * `acceptRollback` a database behind the witness is accepted and the witness moves back to it.
 */
export async function openChainWitness(
  database: Database,
  file: string,
  options: { acceptRollback: boolean },
): Promise<ChainWitness> {
  const witnessed = await readWitness(file);
  const latest = await database.read((db) => latestRecord(db));
  if (witnessed && !options.acceptRollback) {
    const [atWitness] = await database.read((db) =>
      db
        .select({ hash: feedRecords.hash })
        .from(feedRecords)
        .where(eq(feedRecords.seq, witnessed.seq)),
    );
    if (atWitness?.hash !== witnessed.hash) throw rollbackRefused(witnessed, latest?.seq ?? 0);
  }
  let known = latest ? { seq: latest.seq, hash: latest.hash } : null;
  if (known && (witnessed?.seq !== known.seq || options.acceptRollback)) {
    await writeWitness(file, known);
  }
  // Writes commit concurrently: their witness updates run one at a time, and one that a later
  // record overtook while it waited is skipped (the file only ever moves forward).
  let writing: Promise<void> = Promise.resolve();
  return {
    advance(record) {
      if (known && record.seq <= known.seq) return Promise.resolve();
      known = record;
      const run = writing.then(() => (known === record ? writeWitness(file, record) : undefined));
      writing = run.catch(() => undefined);
      return run;
    },
  };
}

function rollbackRefused(witnessed: Witnessed, held: number): NodeError {
  const holds = held === 0 ? 'holds no records' : `holds records only up to seq ${held}`;
  return new NodeError(
    409,
    'CHAIN_ROLLBACK',
    `This node's key has signed records up to seq ${witnessed.seq}, but its database ${holds}. ` +
      'Starting would sign a second record at a seq the hub already holds and fork your feed. ' +
      'Restore your most recent backup (promise-node restore <file>) and start again. If no ' +
      'backup holds it, start with --accept-rollback and ask the hub operator to re-pin the node.',
  );
}
