import { NetworkError, TimeoutError } from './transport-errors.js';

/** How a client talks to the network; every option has a default. */
export interface TransportOptions {
  /** A fetch implementation (defaults to the global one); it is always called unbound. */
  fetch?: typeof fetch | undefined;
  /** Longest wait for each attempt, headers and body together (default 10 000 ms). */
  timeoutMs?: number | undefined;
  /** Aborts every call of this client (e.g. on page unload); an abort is never retried. */
  signal?: AbortSignal | undefined;
  /** Extra attempts for idempotent GETs after a network error, timeout, 429 or 502–504 (default 2). */
  retries?: number | undefined;
}

/** Per call: a signal of its own, in addition to the client's. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 30_000;

/** A response whose body has been read within the time limit. */
export interface ReadResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
}

/** Seconds or an HTTP date (RFC 9110 §10.2.3), as a delay in ms; undefined when absent or bad. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Full jitter (AWS architecture blog): uniformly 0 … base × 2^attempt, capped. */
function backoffMs(attempt: number): number {
  return Math.random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The shared HTTP step of the SDK's clients: timeout per attempt, the caller's abort signals,
 * typed network errors, and retries with jittered backoff (honouring `Retry-After`) for GETs.
 */
export class Transport {
  private readonly fetcher: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;

  constructor(private readonly options: TransportOptions) {
    // Called as a plain function: a browser's fetch throws "Illegal invocation" when called as a
    // method of another object.
    const given = options.fetch;
    this.fetcher = given ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 2;
  }

  async request(
    url: string,
    init: RequestInit = {},
    call: CallOptions = {},
  ): Promise<ReadResponse> {
    const method = (init.method ?? 'GET').toUpperCase();
    const attempts = method === 'GET' || method === 'HEAD' ? this.retries + 1 : 1;
    const outer = AbortSignal.any(
      [this.options.signal, call.signal].filter((s): s is AbortSignal => s !== undefined),
    );
    for (let attempt = 0; ; attempt++) {
      const last = attempt + 1 >= attempts;
      let response: ReadResponse;
      try {
        response = await this.attempt(url, init, outer);
      } catch (error) {
        if (outer.aborted || last) throw error;
        await sleep(backoffMs(attempt), outer);
        continue;
      }
      if (last || !RETRYABLE_STATUS.has(response.status)) return response;
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? backoffMs(attempt);
      await sleep(Math.min(wait, MAX_DELAY_MS), outer);
    }
  }

  private async attempt(url: string, init: RequestInit, outer: AbortSignal): Promise<ReadResponse> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = AbortSignal.any([outer, timeout]);
    const fetcher = this.fetcher;
    try {
      const response = await fetcher(url, { ...init, signal });
      const text = await response.text();
      return { status: response.status, ok: response.ok, headers: response.headers, text };
    } catch (error) {
      if (outer.aborted) throw outer.reason;
      if (timeout.aborted) throw new TimeoutError(url, this.timeoutMs, { cause: error });
      throw new NetworkError(url, { cause: error });
    }
  }
}
