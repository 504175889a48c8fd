import { signPing } from '@promise-global/sdk/sign';
import type { Logger } from 'pino';
import type { RecordSigner } from '../feed/append-record.js';

export interface PingerOptions {
  hubUrl: string | undefined;
  signer: RecordSigner;
  log: Logger;
  retries: number;
  backoffMs: number;
  timeoutMs?: number;
}

export interface Pinger {
  /** Tells the hub the feed grew to `seq`; returns at once, the ping goes in the background. */
  notify(seq: number): void;
  /** Resolves once nothing is queued or in flight (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BACKOFF_MS = 60_000;

/**
 * Pushes signed pings to the hub (protocol §8) after each committed change. Pings coalesce: only
 * the newest seq is sent. Failures retry with exponential backoff and are then dropped (the hub
 * also polls), so a hub that is down never blocks or fails a write.
 */
export function createPinger(options: PingerOptions): Pinger {
  const { hubUrl, signer, log } = options;
  let pending: number | undefined;
  let running: Promise<void> | undefined;
  const stop = new AbortController();

  async function send(seq: number): Promise<boolean> {
    if (!hubUrl) return true;
    const body = await signPing(signer.key, { iss: signer.iss(), aud: hubUrl, seq });
    const response = await fetch(`${hubUrl}/ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/jwt' },
      body,
      signal: AbortSignal.any([stop.signal, AbortSignal.timeout(options.timeoutMs ?? 5_000)]),
    });
    await response.body?.cancel();
    return response.ok;
  }

  async function drain(): Promise<void> {
    while (pending !== undefined && !stop.signal.aborted) {
      const seq = pending;
      pending = undefined;
      for (let attempt = 0; attempt <= options.retries && !stop.signal.aborted; attempt++) {
        if (pending !== undefined && pending > seq) break;
        try {
          if (await send(seq)) {
            log.debug({ hubUrl, seq }, 'pinged hub');
            break;
          }
          log.warn({ hubUrl, seq, attempt }, 'hub refused ping');
        } catch (error) {
          if (stop.signal.aborted) return;
          log.warn({ hubUrl, seq, attempt, err: errorText(error) }, 'hub ping failed');
        }
        if (attempt === options.retries) {
          log.warn({ hubUrl, seq }, 'giving up on this ping; the hub will catch up when it polls');
          break;
        }
        await sleep(Math.min(options.backoffMs * 2 ** attempt, MAX_BACKOFF_MS), stop.signal);
      }
    }
  }

  function kick(): void {
    running ??= drain().finally(() => {
      running = undefined;
      if (pending !== undefined && !stop.signal.aborted) kick();
    });
  }

  return {
    notify(seq) {
      if (!hubUrl || stop.signal.aborted) return;
      pending = Math.max(pending ?? 0, seq);
      kick();
    },
    async idle() {
      while (running) await running;
    },
    async close() {
      stop.abort();
      await running;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
