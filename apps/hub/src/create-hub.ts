import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { listenError, type MetricsListener } from '@promise-global/operations';
import type { JWK } from '@promise-global/sdk/keys';
import { Cron } from 'croner';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { createHubApp } from './app.js';
import { createAdminToken } from './auth/admin-tokens.js';
import { hubKeyFile, loadHubKey } from './auth/hub-key.js';
import { type HubConfig, type HubConfigInput, parseHubConfig } from './config/config.js';
import type { HubContext } from './context.js';
import { type HubDatabase, openDatabase } from './db/database.js';
import { renewMemberships } from './enrolment/renew-memberships.js';
import { Harvester } from './harvest/harvester.js';
import { AddressPolicy } from './http/address-policy.js';
import { reprocessQuarantine } from './index/quarantine.js';
import { HubLimits } from './limits/hub-limits.js';
import { hubLogger } from './logging/hub-logger.js';
import { createHubMetrics } from './metrics/hub-metrics.js';
import { startMetricsListener } from './metrics/metrics-listener.js';
import { startRetentionJob } from './project52-hub/retention-job.js';
import { Project52Scheduler } from './project52-hub/scheduler.js';
import { Project52Service, type SendPass } from './project52-hub/service.js';
import { RELEASE } from './release.js';
import { ReportCourier } from './reports/report-courier.js';
import { configuredPortal, portalLinks } from './syndication/portal-links.js';

/** A running (or ready to start) hub. */
export interface Hub {
  /** The Hono app (usable in-process with `app.request()`). */
  app: Hono;
  config: HubConfig;
  db: HubDatabase;
  harvester: Harvester;
  /** What request handlers and the harvester share (the operator CLI acts through it). */
  context: HubContext;
  /** Project 52 (schedule, bulletins, mailing list), when configured. */
  project52: Project52Service | undefined;
  /** The first Project 52 send pass after `start()` (resume + any due week); null without SMTP. */
  project52Started: Promise<SendPass | null>;
  /** Runs a Project 52 send pass now (serialised with the scheduler's); null without SMTP. */
  project52Pass(): Promise<SendPass | null>;
  /** The hub's public URL; set once `start()` has bound the port (unless configured). */
  readonly url: string;
  /** Where `/metrics` is served on its own listener (`metrics.port`), once started; else null. */
  readonly metricsUrl: string | null;
  start(): Promise<void>;
  /** Renews membership statements due before `now + renewBeforeSeconds` (runs hourly by itself). */
  renewMemberships(now?: number): Promise<number>;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Creates a hub: parses the config once, opens the database (applying migrations), loads or creates
 * the hub's signing key, bootstraps the operator token, and wires the harvester and HTTP app.
 * `start()` listens, starts the schedule and renews memberships; `close()` stops everything.
 *
 * @example
 * await using hub = await createHub({ database: { url: ':memory:' }, allowPrivateHosts: ['127.0.0.1'] });
 * await hub.start();
 */
export async function createHub(
  input: HubConfigInput = {},
  options: { log?: Logger } = {},
): Promise<Hub> {
  const config = parseHubConfig(input);
  const log = options.log ?? hubLogger(config.logLevel);
  const db = await openDatabase(config.database, log);
  const key = await loadHubKey(db, {
    configured: config.signingKey as JWK | undefined,
    keyFile: hubKeyFile(config),
    log,
  });
  if (config.bootstrapOperatorToken) {
    await createAdminToken(db, {
      name: 'bootstrap operator',
      role: 'operator',
      token: config.bootstrapOperatorToken,
    });
  }
  let url = config.publicUrl?.replace(/\/+$/, '') ?? '';
  const harvester = new Harvester(() => ctx, config.harvest);
  const ctx: HubContext = {
    config,
    db,
    key,
    log,
    policy: new AddressPolicy(config.allowPrivateHosts),
    harvester,
    limits: new HubLimits(config.limits, db),
    metrics: createHubMetrics(db),
    project52: config.project52
      ? new Project52Service(
          {
            db,
            log,
            url: () => url,
            // The config refuses Project 52 without a portal URL.
            portal: () => configuredPortal(config) ?? portalLinks(''),
          },
          config.project52,
        )
      : undefined,
    reports: new ReportCourier(() => ctx),
    url: () => url,
  };
  const scheduler =
    ctx.project52?.transport !== undefined ? new Project52Scheduler(ctx.project52, log) : undefined;
  let project52Started: Promise<SendPass | null> = Promise.resolve(null);
  const app = createHubApp(ctx);
  let server: ServerType | undefined;
  let metricsListener: MetricsListener | undefined;
  let renewal: Cron | undefined;
  let retention: { stop(): void } | undefined;
  let closed = false;

  const hub: Hub = {
    app,
    config,
    db,
    harvester: ctx.harvester,
    context: ctx,
    project52: ctx.project52,
    get project52Started() {
      return project52Started;
    },
    project52Pass: () => scheduler?.pass() ?? Promise.resolve(null),
    get url() {
      return url;
    },
    get metricsUrl() {
      return metricsListener?.url ?? null;
    },
    async start() {
      await new Promise<void>((resolve, reject) => {
        server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () =>
          resolve(),
        );
        server.once('error', (error) => reject(listenError(error, config.host, config.port)));
      });
      // Outlive clients' and proxies' idle keep-alive (undici 4 s, nginx 60 s): a server closing
      // an idle socket just as a client reuses it shows up as ECONNRESET on the client.
      if (server && 'keepAliveTimeout' in server) server.keepAliveTimeout = 65_000;
      const address = server?.address() as AddressInfo;
      if (!url)
        url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
      const released = await reprocessQuarantine(db, config.knownSchemaMajors);
      if (released > 0) log.info({ released }, 'quarantined records re-processed');
      await renewMemberships(ctx);
      renewal = new Cron('17 * * * *', { protect: true }, async () => {
        await renewMemberships(ctx);
      });
      ctx.harvester.start();
      ctx.reports.start();
      void ctx.harvester.syncDue();
      if (scheduler) project52Started = scheduler.start();
      if (ctx.project52) retention = startRetentionJob(ctx.project52, log);
      if (config.metrics.port !== undefined) metricsListener = await startMetricsListener(ctx);
      log.info(
        {
          url,
          version: RELEASE.version,
          metrics: metricsListener?.url ?? (config.metrics.token ? `${url}/metrics` : null),
        },
        'hub listening',
      );
    },
    renewMemberships: (now) => renewMemberships(ctx, now),
    async close() {
      if (closed) return;
      closed = true;
      if (server) log.info({ url }, 'hub stopping');
      await metricsListener?.close();
      renewal?.stop();
      retention?.stop();
      await scheduler?.close();
      ctx.project52?.close();
      await ctx.harvester.close();
      await ctx.reports.close();
      await ctx.limits.close();
      if (server) {
        const running = server;
        await new Promise<void>((resolve) => {
          if ('closeAllConnections' in running) running.closeAllConnections();
          running.close(() => resolve());
        });
      }
      db.$client.close();
      if (server) log.info('hub stopped');
    },
    [Symbol.asyncDispose]() {
      return hub.close();
    },
  };
  return hub;
}
