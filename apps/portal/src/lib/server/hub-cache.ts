import { type HubClient, HubClientError } from '@promise-global/sdk/client/hub';

/**
 * The public reads every reader shares: the same question gets the same answer for a while.
 * (The status page and the editors' area read through the portal's `liveHub` instead.)
 */
export const SHARED_READS = [
  'adoptions',
  'bulletin',
  'bulletins',
  'getRecord',
  'innovationFacets',
  'nodeStatus',
  'partners',
  'project52Schedule',
  'searchInnovations',
  'searchServices',
  'serviceFacets',
] as const satisfies readonly (keyof HubClient)[];

export interface HubCacheOptions {
  /** Served as is for this long. */
  freshMs: number;
  /** Then served while one refresh runs in the background, for this much longer. */
  staleMs: number;
  /** Answers kept at most (the oldest go first). */
  maxEntries: number;
  now?: () => number;
}

/**
 * Fresh for 5 s, then stale-while-revalidate for 25 s: a reader sees a new piece at most about
 * 30 s after the hub has it (the bound is a minute), and the hub sees at most one call
 * per distinct question in flight however many readers ask it at once.
 */
export const DEFAULT_HUB_CACHE: HubCacheOptions = {
  freshMs: 5_000,
  staleMs: 25_000,
  maxEntries: 500,
};

interface Entry {
  at: number;
  answer?: { ok: true; value: unknown } | { ok: false; error: unknown };
  pending?: Promise<unknown>;
}

/** A short shared cache of hub answers with stale-while-revalidate and one load per key at a time. */
export class HubAnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: HubCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Forgets every answer (an editor changed what readers see); loads under way still finish. */
  clear(): void {
    this.entries.clear();
  }

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    const age = entry?.answer ? this.now() - entry.at : Number.POSITIVE_INFINITY;
    if (entry?.answer && age < this.options.freshMs + this.options.staleMs) {
      if (age >= this.options.freshMs && !entry.pending) {
        // Stale: answer now, refresh behind; a failed refresh keeps the old answer until it expires.
        this.load(key, load).catch((cause: unknown) =>
          console.error(`portal: refreshing ${key.split(' ')[0]} failed`, cause),
        );
      }
      if (entry.answer.ok) return entry.answer.value as T;
      throw entry.answer.error;
    }
    return (entry?.pending as Promise<T> | undefined) ?? this.load(key, load);
  }

  private load<T>(key: string, load: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { at: 0 };
      this.store(key, entry);
    }
    const kept = entry;
    const pending = load().then(
      (value) => {
        this.settle(key, kept, { ok: true, value });
        return value;
      },
      (error: unknown) => {
        // A refusal (the hub answered 4xx) is an answer too; a failure to reach the hub is not kept.
        if (error instanceof HubClientError && error.httpStatus < 500) {
          this.settle(key, kept, { ok: false, error });
        } else {
          kept.pending = undefined;
          if (!kept.answer) this.entries.delete(key);
        }
        throw error;
      },
    );
    kept.pending = pending;
    return pending;
  }

  private settle(key: string, entry: Entry, answer: NonNullable<Entry['answer']>): void {
    entry.pending = undefined;
    entry.answer = answer;
    entry.at = this.now();
    this.store(key, entry);
  }

  private store(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** `client` whose shared public reads go through `cache`; everything else goes straight to the hub. */
export function withSharedReads(client: HubClient, cache: HubAnswerCache): HubClient {
  const shared = new Set<PropertyKey>(SHARED_READS);
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (!shared.has(property) || typeof value !== 'function') return value;
      return (input?: unknown, options?: unknown) =>
        cache.get(
          `${String(property)} ${JSON.stringify(input ?? null)}`,
          () => Reflect.apply(value, target, [input, options]) as Promise<unknown>,
        );
    },
  });
}
