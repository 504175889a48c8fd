import type { SigningKey } from '@promise-global/sdk/keys';
import type { Logger } from 'pino';
import { createFailureLimiter, type FailureLimiter } from './auth/rate-limiter.js';
import { isMemoryDatabase, type NodeConfig } from './config/config.js';
import { type Database, openDatabase } from './db/database.js';
import { NodeError } from './errors.js';
import type { RecordSigner } from './feed/append-record.js';
import { createFeedReader, type FeedReader } from './feed/feed-page.js';
import { type KeyRing, loadKeyRing } from './identity/key-ring.js';
import { createNodeMetrics, type NodeMetrics } from './metrics/node-metrics.js';
import { type ChainWitness, openChainWitness, witnessFileOf } from './operations/chain-witness.js';
import { createPinger, type Pinger } from './push/pinger.js';
import { RELEASE } from './release.js';

/** Everything a route or command needs, wired once from the config. */
export interface NodeContext {
  config: NodeConfig;
  log: Logger;
  database: Database;
  /** The current signing key (it changes when the key is rotated). */
  readonly key: SigningKey;
  keyRing: KeyRing;
  signer: RecordSigner;
  feed: FeedReader;
  pinger: Pinger;
  /** Prometheus metrics (served at `/metrics` when configured, see `metrics-routes.ts`). */
  metrics: NodeMetrics;
  /** How far the key has signed, kept beside a key file (null for keys held only in memory). */
  witness: ChainWitness | null;
  authFailures: FailureLimiter;
  /** Sets the public URL once the port is known (port 0). */
  setPublicUrl(url: string): void;
  close(): Promise<void>;
}

export interface ContextOptions {
  /** Start even though the key has signed records this database does not hold. */
  acceptRollback?: boolean;
}

export async function createContext(
  config: NodeConfig,
  log: Logger,
  options: ContextOptions = {},
): Promise<NodeContext> {
  const keyRing = await loadKeyRing(config, log);
  const database = await openDatabase({
    url: config.databaseUrl,
    authToken: config.databaseAuthToken,
    onWarning: (message) => log.warn(message),
  });
  if (database.migrated.length > 0) {
    log.info({ migrations: database.migrated, release: RELEASE.version }, 'database migrated');
  }
  let witness: ChainWitness | null = null;
  if (config.keyFile !== null && !isMemoryDatabase(config.databaseUrl)) {
    try {
      witness = await openChainWitness(database, witnessFileOf(config.keyFile), {
        acceptRollback: options.acceptRollback ?? false,
      });
    } catch (error) {
      database.close();
      throw error;
    }
  }
  let publicUrl = config.publicUrl;
  const signer: RecordSigner = {
    get key() {
      return keyRing.current;
    },
    iss: () => {
      if (publicUrl === null) {
        throw new NodeError(
          503,
          'PUBLIC_URL_UNKNOWN',
          'The node has no public URL yet: start it first or set publicUrl',
        );
      }
      return publicUrl;
    },
  };
  const metrics = createNodeMetrics(database);
  const pinger = createPinger({
    hubUrl: config.hubUrl,
    signer,
    log,
    metrics,
    retries: config.pingRetries,
    backoffMs: config.pingBackoffMs,
  });
  return {
    config,
    log,
    database,
    get key() {
      return keyRing.current;
    },
    keyRing,
    signer,
    feed: createFeedReader(database, signer, config.headTtlSeconds),
    pinger,
    metrics,
    witness,
    authFailures: createFailureLimiter({
      limit: config.authFailureLimit,
      windowMs: config.authFailureWindowSeconds * 1000,
    }),
    setPublicUrl(url) {
      publicUrl ??= url;
    },
    async close() {
      await pinger.close();
      database.close();
    },
  };
}
