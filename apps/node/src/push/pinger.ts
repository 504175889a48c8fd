import { signPing } from '@promise-global/sdk/sign';
import type { Logger } from 'pino';
import type { RecordSigner } from '../feed/append-record.js';
import type { NodeMetrics } from '../metrics/node-metrics.js';
import { readRefusalCode } from './refusal-code.js';

export interface PingerOptions {
  hubUrl: string | undefined;
  signer: RecordSigner;
  log: Logger;
  metrics: NodeMetrics;
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
 * the newest seq is sent. Failures retry with exponential backoff, never sooner than a hub's
 * `Retry-After` (§8.3), and are then dropped (the hub also polls), so a hub that is down never
 * blocks or fails a write.
 */
export function createPinger(options: PingerOptions): Pinger {
  const { hubUrl, signer, log, metrics } = options;
  let pending: number | undefined;
  let running: Promise<void> | undefined;
  const stop = new AbortController();

  /**
   * Sends one ping: `true` when taken, else why the hub refused it (its reason code, the HTTP
   * status) and the wait it asked for (ms, from `Retry-After`).
   */
  async function send(
    seq: number,
  ): Promise<true | { code: string; status: number; retryAfterMs: number | undefined }> {
    if (!hubUrl) return true;
    const body = await signPing(signer.key, { iss: signer.iss(), aud: hubUrl, seq });
    const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(options.timeoutMs ?? 5_000)]);
    let response: Response;
    try {
      metrics.pingsSent.inc();
      response = await fetch(`${hubUrl}/ping`, {
        method: 'POST',
        headers: { 'content-type': 'application/jwt' },
        body,
        signal,
      });
    } catch (error) {
      if (!stop.signal.aborted) metrics.pingsUnanswered.inc();
      throw error;
    }
    if (response.ok) {
      await response.body?.cancel();
      return true;
    }
    const code = await readRefusalCode(response);
    metrics.pingRefused(code);
    return {
      code,
      status: response.status,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    };
  }

  async function drain(): Promise<void> {
    while (pending !== undefined && !stop.signal.aborted) {
      const seq = pending;
      pending = undefined;
      for (let attempt = 0; attempt <= options.retries && !stop.signal.aborted; attempt++) {
        if (pending !== undefined && pending > seq) break;
        let asked: number | undefined;
        try {
          const outcome = await send(seq);
          if (outcome === true) {
            log.debug({ hubUrl, seq }, 'pinged hub');
            break;
          }
          asked = outcome.retryAfterMs;
          const { code, status } = outcome;
          log.warn({ hubUrl, seq, attempt, code, status, retryAfterMs: asked }, 'hub refused ping');
        } catch (error) {
          if (stop.signal.aborted) return;
          log.warn({ hubUrl, seq, attempt, err: errorText(error) }, 'hub ping failed');
        }
        // A hub asking for a longer wait than our longest backoff will poll us before then.
        if (attempt === options.retries || (asked ?? 0) > MAX_BACKOFF_MS) {
          log.warn({ hubUrl, seq }, 'giving up on this ping; the hub will catch up when it polls');
          break;
        }
        const backoff = Math.min(options.backoffMs * 2 ** attempt, MAX_BACKOFF_MS);
        await sleep(Math.max(backoff, asked ?? 0), stop.signal);
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

/** `Retry-After` in seconds or as an HTTP date, in ms from now; `undefined` when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
