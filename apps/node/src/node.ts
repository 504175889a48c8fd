import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { listenError, listenMetrics, type MetricsListener } from '@promise-global/operations';
import { keyFingerprint } from '@promise-global/sdk/keys';
import type { Logger } from 'pino';
import { createToken, type Role } from './auth/tokens.js';
import { type NodeConfig, type NodeConfigInput, resolveConfig } from './config/config.js';
import { createContext, type NodeContext } from './context.js';
import { createApp } from './http/app.js';
import { nodeLogger } from './logging/node-logger.js';
import { RELEASE } from './release.js';
import { startReviewDigest } from './reminders/review-digest.js';
import { seedPartnerProfile } from './resources/seed-partner.js';

export interface PromiseNode {
  /** The Hono app: `node.app.request('/feed')` works without a socket. */
  app: ReturnType<typeof createApp>;
  context: NodeContext;
  config: NodeConfig;
  /** The node's public URL (its `iss`); with port 0 and no `publicUrl`, known after `start()`. */
  readonly url: string;
  /** Listens on `host:port` (and `metricsHost:metricsPort`); resolves with the URL it serves. */
  start(): Promise<string>;
  /** Where `/metrics` is served on its own listener (`metricsPort`), once started; else null. */
  readonly metricsUrl: string | null;
  /** Stops listening, stops pings and closes the database. Safe to call twice. */
  close(): Promise<void>;
  /** Creates an API token directly (the CLI's `token create`, tests). The secret is shown once. */
  createToken(name: string, role: Role): Promise<string>;
  [Symbol.asyncDispose](): Promise<void>;
}

export interface CreateNodeOptions {
  /** A logger to use instead of a pino logger on stdout at `config.logLevel`. */
  logger?: Logger;
  /** Start even though the key has signed records this database does not hold (see `witness`). */
  acceptRollback?: boolean;
}

/**
 * Builds a partner node from its configuration: opens (and migrates) the database, loads or
 * creates the signing key, and wires the HTTP app. Throws `ConfigError` on a bad config.
 *
 * @example
 * await using node = await createNode({ partnerId: 'cpft', databaseUrl: ':memory:', port: 0 });
 * const url = await node.start();
 */
export async function createNode(
  input: NodeConfigInput | NodeConfig,
  options: CreateNodeOptions = {},
): Promise<PromiseNode> {
  const config = resolveConfig(input);
  const log = options.logger ?? nodeLogger(config);
  const context = await createContext(config, log, {
    acceptRollback: options.acceptRollback ?? false,
  });
  const app = createApp(context);
  if (config.publicUrl) await seedPartnerProfile(context);
  let server: Server | undefined;
  let metricsListener: MetricsListener | undefined;
  let closed: Promise<void> | undefined;
  let digest: { stop(): void } | undefined;

  async function stopServer(listening: Server): Promise<void> {
    const done = new Promise<void>((resolve) => listening.close(() => resolve()));
    listening.closeIdleConnections();
    const force = setTimeout(() => listening.closeAllConnections(), 5_000);
    await done;
    clearTimeout(force);
  }

  const node: PromiseNode = {
    app,
    context,
    config,
    get url() {
      return context.signer.iss();
    },
    get metricsUrl() {
      return metricsListener?.url ?? null;
    },
    async start() {
      if (server) return node.url;
      const listening = await new Promise<Server>((resolve, reject) => {
        const created = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
          resolve(created as Server),
        ) as Server;
        created.once('error', (error) => reject(listenError(error, config.host, config.port)));
      });
      // Outlive clients' and proxies' idle keep-alive (undici 4 s, nginx 60 s): a server closing
      // an idle socket just as a client reuses it shows up as ECONNRESET on the client.
      listening.keepAliveTimeout = 65_000;
      server = listening;
      const { port } = listening.address() as AddressInfo;
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      context.setPublicUrl(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`);
      await seedPartnerProfile(context);
      if (config.metricsPort !== undefined) {
        try {
          metricsListener = await startMetricsListener(context);
        } catch (error) {
          await stopServer(listening);
          server = undefined;
          throw error;
        }
      }
      digest = startReviewDigest(context);
      // "listening at" is what scripts and the release test wait for.
      const fingerprint = keyFingerprint(context.key.kid);
      log.info(
        {
          url: node.url,
          port,
          kid: context.key.kid,
          fingerprint,
          version: RELEASE.version,
          metrics: metricsListener?.url ?? (config.metricsToken ? `${node.url}/metrics` : null),
        },
        `node listening at ${node.url}`,
      );
      return node.url;
    },
    close() {
      closed ??= (async () => {
        if (server) log.info({ url: node.url }, 'node stopping');
        await metricsListener?.close();
        digest?.stop();
        if (server) await stopServer(server);
        await context.close();
        if (server) log.info('node stopped');
      })();
      return closed;
    },
    async createToken(name, role) {
      const created = await context.database.write((tx) => createToken(tx, { name, role }));
      return created.token;
    },
    [Symbol.asyncDispose]() {
      return node.close();
    },
  };
  return node;
}

/** `/metrics` alone on `metricsHost:metricsPort` (loopback by default), token too if set. */
function startMetricsListener(context: NodeContext): Promise<MetricsListener> {
  const { config, metrics, log } = context;
  metrics.collectProcessMetrics();
  return listenMetrics({
    host: config.metricsHost,
    port: config.metricsPort ?? 0,
    source: metrics.registry,
    token: config.metricsToken,
    onRefused: () => metrics.authFailures.inc({ reason: 'metrics_token_invalid' }),
    onError: (error) => log.warn({ err: error }, 'metrics unavailable'),
  });
}
