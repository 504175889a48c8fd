import type { PublicJwkSet } from '@promise-global/schema';
import { type PinnedKeys, pinKeys } from '@promise-global/sdk/verify';

/** How long the hub's keys are used before they are read again. */
const FRESH_MS = 10 * 60_000;
/** The soonest the keys are read again after a signature by a key the node did not know. */
const REFRESH_GAP_MS = 60_000;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_JWKS_BYTES = 16_384;

/**
 * The public keys of this node's hub (the configured `hubUrl` — the trust anchor the operator
 * chose), read from its `/.well-known/jwks.json` and kept a few minutes. A message signed by a key
 * not in them makes the node read them once more (the hub may have rotated), at most once a minute.
 */
export class HubKeys {
  private cached: { keys: PinnedKeys; at: number } | undefined;
  private lastFetch = Number.NEGATIVE_INFINITY;

  constructor(
    readonly hubUrl: string,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  async current(): Promise<PinnedKeys> {
    if (this.cached && Date.now() - this.cached.at < FRESH_MS) return this.cached.keys;
    return this.read();
  }

  /** Reads the keys again unless that was done less than a minute ago; true when it did. */
  async refresh(): Promise<boolean> {
    if (Date.now() - this.lastFetch < REFRESH_GAP_MS) return false;
    await this.read();
    return true;
  }

  private async read(): Promise<PinnedKeys> {
    this.lastFetch = Date.now();
    const response = await this.fetcher(`${this.hubUrl}/.well-known/jwks.json`, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`the hub's keys: HTTP ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_JWKS_BYTES) throw new Error("the hub's keys are too large");
    const keys = await pinKeys(JSON.parse(text) as PublicJwkSet);
    this.cached = { keys, at: Date.now() };
    return keys;
  }
}
