import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubClient } from '@promise-global/sdk/client/hub';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { createHub } from '../src/create-hub.js';
import { startSmtpSink } from '../src/project52/test-support/smtp-sink.js';
import type { SendPass } from '../src/project52-hub/service.js';
import { enrolAndApprove } from './support/enrol.js';
import { innovationData, testUuid } from './support/fixtures.js';
import { project52Config } from './support/project52.js';
import { OPERATOR_TOKEN } from './support/test-hub.js';
import { startTestNode } from './support/test-node.js';

const child = new URL('./support/p52-send-child.ts', import.meta.url).pathname;
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const READERS = Array.from({ length: 6 }, (_, i) => `reader${i + 1}@example.org`);

function runHub(
  database: string,
  project52: unknown,
  onStart?: (proc: ChildProcess) => void,
): Promise<SendPass | 'killed'> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', child, database, JSON.stringify(project52)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    onStart?.(proc);
    let output = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve(JSON.parse(output) as SendPass);
      else reject(new Error(`hub child exited with ${code ?? signal}: ${output}`));
    });
  });
}

/** A hub database holding one approved piece due this week and six confirmed readers. */
async function preparedHub(dir: string): Promise<string> {
  const database = `file:${join(dir, 'hub.db')}`;
  const node = await startTestNode({ partnerId: 'cpft' });
  closers.push(node.close);
  await node.publish('innovation', {
    ...innovationData('cpft', 1, {
      title: 'A crisis café that feels like a living room',
      status: 'submitted',
      submittedAt: '2026-01-05T09:00:00Z',
    }),
    publishedAt: undefined,
  });
  // Without SMTP the hub keeps the schedule but never sends: safe to prepare with.
  const hub = await createHub({
    database: { url: database },
    allowPrivateHosts: ['127.0.0.1'],
    bootstrapOperatorToken: OPERATOR_TOKEN,
    logLevel: 'silent',
    harvest: { schedule: false },
    project52: project52Config(),
  });
  await hub.start();
  const operator = new HubClient({ baseUrl: hub.url, token: OPERATOR_TOKEN });
  await enrolAndApprove(operator, node.url, node.key.kid);
  await operator.syncNode({ partnerId: 'cpft' });
  await operator.approvePiece({ partnerId: 'cpft', recordId: testUuid('cpft/innovation/1') });
  const confirmedAt = new Date(Date.now() - 3_600_000).toISOString();
  for (const [i, address] of READERS.entries()) {
    await hub.project52?.subscribers.save({
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      address,
      state: 'confirmed',
      subscribedAt: confirmedAt,
      confirmedAt,
      unsubscribedAt: null,
    });
  }
  await hub.close();
  return database;
}

describe('a Project 52 send run when the hub is killed', () => {
  it('delivers the week’s bulletin to each confirmed reader exactly once across a SIGKILL and restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-p52-crash-'));
    closers.push(() => rm(dir, { recursive: true, force: true }));
    let proc: ChildProcess | undefined;
    const sink = await startSmtpSink({
      // The hub dies while the third bulletin is on the wire, before the server accepts it.
      beforeAccept: (_mail, index) => {
        if (index === 2) {
          proc?.kill('SIGKILL');
          throw Object.assign(new Error('connection lost'), { responseCode: 421 });
        }
      },
    });
    closers.push(sink.close);
    const database = await preparedHub(dir);
    const config = project52Config(sink.port);

    expect(await runHub(database, config, (p) => (proc = p))).toBe('killed');
    expect(sink.accepted).toHaveLength(2);

    const restarted = await runHub(database, config);
    if (restarted === 'killed') throw new Error('the restarted hub was killed');
    expect(restarted.started).toBeNull();
    expect(restarted.resumed?.report.skipped).toHaveLength(2);
    expect(restarted.resumed?.report.resumedInFlight).toHaveLength(1);
    expect(restarted.resumed?.report.failed).toEqual([]);

    const third = await runHub(database, config);
    if (third === 'killed') throw new Error('the third hub was killed');
    expect(third.resumed?.report.skipped).toHaveLength(READERS.length);

    const received = await Promise.all(
      sink.accepted.map(async (mail) => ({
        to: mail.envelopeTo.join(','),
        parsed: await simpleParser(mail.raw),
      })),
    );
    expect(received.map((mail) => mail.to).sort()).toEqual([...READERS].sort());
    expect(received.every((mail) => mail.parsed.subject?.includes('A crisis café'))).toBe(true);
  }, 90_000);
});
