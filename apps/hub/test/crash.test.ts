import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { recordHash } from '@promise-global/sdk/sign';
import { afterAll, describe, expect, it } from 'vitest';
import { innovationData } from './support/fixtures.js';
import { startTestNode } from './support/test-node.js';

const RECORDS = 20_000;
const KILLS = 20;
const child = new URL('./support/crash-child.ts', import.meta.url).pathname;
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** Runs the hub child; with `killAfterMs`, SIGKILLs it that long after it reports ready. */
function runHub(
  database: string,
  nodeUrl: string,
  killAfterMs?: number,
): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', child, database, nodeUrl],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    let killed = false;
    proc.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfterMs !== undefined && output.includes('ready') && !killed) {
        killed = true;
        setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && output.includes('done')) resolve('done');
      else reject(new Error(`hub child exited with ${code ?? signal}: ${output}`));
    });
  });
}

describe('crash safety', () => {
  it(`loses nothing and stores nothing twice when SIGKILLed ${KILLS} times during a ${RECORDS}-record backfill`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-crash-'));
    closers.push(() => rm(dir, { recursive: true, force: true }));
    const node = await startTestNode({ partnerId: 'crash' });
    closers.push(() => node.close());
    for (let i = 1; i < RECORDS; i++) {
      await node.publish('innovation', {
        ...innovationData('crash', i, { body: `Short body ${i} about crisis care.` }),
      });
    }
    const database = `file:${join(dir, 'hub.db')}`;
    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      outcomes.push(await runHub(database, node.url, Math.floor(Math.random() * 250)));
    }
    outcomes.push(await runHub(database, node.url));
    expect(outcomes.filter((outcome) => outcome === 'killed').length).toBeGreaterThanOrEqual(
      KILLS - 2,
    );

    const db = createClient({ url: database });
    closers.push(async () => db.close());
    const stored = await db.execute(
      'SELECT seq, hash FROM entries WHERE seq IS NOT NULL ORDER BY seq',
    );
    expect(stored.rows.map((row) => Number(row.seq))).toEqual(
      node.log.map((_, index) => index + 1),
    );
    expect(stored.rows.map((row) => String(row.hash))).toEqual(
      node.log.map((jws) => recordHash(jws)),
    );
    const counts = await db.execute(
      'SELECT (SELECT count(*) FROM innovations) AS innovations, (SELECT count(*) FROM innovation_fts) AS fts, (SELECT cursor_seq FROM nodes) AS cursor',
    );
    expect(counts.rows[0]).toMatchObject({
      innovations: RECORDS - 1,
      fts: RECORDS - 1,
      cursor: RECORDS,
    });
  }, 240_000);
});
