import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSendLedger } from '../test-support/file-send-ledger.js';
import { type ReceivedMail, startSmtpSink } from '../test-support/smtp-sink.js';
import type { SendReport } from './send-bulletin.js';
import type { Subscriber } from './subscribers.js';

const child = new URL('../test-support/send-run-child.ts', import.meta.url).pathname;
const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const SUBSCRIBERS: Subscriber[] = Array.from({ length: 6 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
  address: `reader${i + 1}@example.org`,
  state: 'confirmed',
  subscribedAt: '2026-09-01T10:00:00Z',
  confirmedAt: '2026-09-01T10:05:00Z',
  unsubscribedAt: null,
}));

function runHub(
  port: number,
  ledger: string,
  onStart?: (proc: ChildProcess) => void,
): Promise<SendReport | 'killed'> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        child,
        String(port),
        ledger,
        JSON.stringify(SUBSCRIBERS),
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    onStart?.(proc);
    let output = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve(JSON.parse(output) as SendReport);
      else reject(new Error(`send child exited with ${code ?? signal}: ${output}`));
    });
  });
}

async function recipientsOf(mails: ReceivedMail[]) {
  return Promise.all(
    mails.map(async (mail) => ({
      to: mail.envelopeTo.join(','),
      messageId: (await simpleParser(mail.raw)).messageId,
    })),
  );
}

async function tempLedger() {
  const dir = await mkdtemp(join(tmpdir(), 'p52-ledger-'));
  closers.push(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'ledger.jsonl');
}

describe('a send run killed and restarted', () => {
  it('delivers to each confirmed subscriber exactly once when killed mid-transaction', async () => {
    let proc: ChildProcess | undefined;
    const sink = await startSmtpSink({
      beforeAccept: (_mail, index) => {
        // The hub dies while the third message is on the wire, before the server accepts it.
        if (index === 2) {
          proc?.kill('SIGKILL');
          throw Object.assign(new Error('connection lost'), { responseCode: 421 });
        }
      },
    });
    closers.push(sink.close);
    const ledgerPath = await tempLedger();
    expect(await runHub(sink.port, ledgerPath, (p) => (proc = p))).toBe('killed');
    expect(sink.accepted).toHaveLength(2);
    const inFlight = new FileSendLedger(ledgerPath)
      .entries()
      .find((entry) => entry.subscriberId === SUBSCRIBERS[2]?.id);
    expect(inFlight?.state).toBe('sending');

    const report = await runHub(sink.port, ledgerPath);
    if (report === 'killed') throw new Error('restarted run was killed');
    expect(report.skipped).toEqual([SUBSCRIBERS[0]?.id, SUBSCRIBERS[1]?.id]);
    expect(report.resumedInFlight).toEqual([SUBSCRIBERS[2]?.id]);
    expect(report.failed).toEqual([]);
    const received = await recipientsOf(sink.accepted);
    expect(received.map((r) => r.to).sort()).toEqual(SUBSCRIBERS.map((s) => s.address).sort());
    expect(
      new FileSendLedger(ledgerPath).entries().every((entry) => entry.state === 'accepted'),
    ).toBe(true);

    // A third start finds the week done and sends nothing.
    const third = await runHub(sink.port, ledgerPath);
    expect(third === 'killed' ? [] : third.skipped).toHaveLength(SUBSCRIBERS.length);
    expect(sink.accepted).toHaveLength(SUBSCRIBERS.length);
  }, 60_000);

  it('bounds the acceptance-to-record window: at most one repeat, carrying the same Message-ID', async () => {
    let proc: ChildProcess | undefined;
    const sink = await startSmtpSink({
      // The hub dies the moment the server has said 250 to the third message.
      afterAccept: (_mail, index) => {
        if (index === 2) proc?.kill('SIGKILL');
      },
    });
    closers.push(sink.close);
    const ledgerPath = await tempLedger();
    expect(await runHub(sink.port, ledgerPath, (p) => (proc = p))).toBe('killed');
    await runHub(sink.port, ledgerPath);
    const received = await recipientsOf(sink.accepted);
    const counts = new Map<string, number>();
    for (const r of received) counts.set(r.to, (counts.get(r.to) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(SUBSCRIBERS.map((s) => s.address).sort());
    const repeated = [...counts].filter(([, n]) => n > 1);
    expect(repeated.length).toBeLessThanOrEqual(1);
    for (const [to] of repeated) {
      expect(to).toBe(SUBSCRIBERS[2]?.address);
      expect(new Set(received.filter((r) => r.to === to).map((r) => r.messageId)).size).toBe(1);
    }
  }, 60_000);
});
