import { SmtpConfig } from '@promise-global/operations';
import { z } from 'zod';
import { NationalHelplines } from '../helplines/helplines-config.js';
import { LimitsConfig } from '../limits/limits-config.js';
import { Project52Config } from '../project52/config.js';

/**
 * Project 52 at this hub: the core's settings, with SMTP optional (without it the hub keeps the
 * schedule and archive but sends nothing, not even confirmations).
 */
export const HubProject52Config = Project52Config.extend({
  /** Read only when the hub's own `portalUrl` is not set (the setting's earlier place). */
  portalUrl: z.url().optional(),
  mailing: Project52Config.shape.mailing.extend({ smtp: SmtpConfig.optional() }),
});
export type HubProject52Config = z.output<typeof HubProject52Config>;

const PrivateJwk = z
  .object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), d: z.string() })
  .loose();

const Timeouts = z.object({
  connectMs: z.number().int().positive().default(3_000),
  firstByteMs: z.number().int().positive().default(5_000),
  totalMs: z.number().int().positive().default(20_000),
});

/** Hub configuration: parsed once, with defaults, by {@link parseHubConfig}. */
export const HubConfigSchema = z
  .object({
    /** Public base URL of the hub (its identifier, `iss` of what it signs). Defaults to the bound address. */
    publicUrl: z.url().optional(),
    /**
     * The public portal: links in feeds and bulletins point at its pages
     * (`/innovations/<partner>/<id>`, `/bulletins/<week>`). Read whenever a feed is served.
     */
    portalUrl: z.url({ protocol: /^https?$/ }).optional(),
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65_535).default(0),
    database: z
      .object({
        /** `file:hub.db` (default), `:memory:`, or `libsql://…` for a libSQL server. */
        url: z.string().min(1).default('file:hub.db'),
        authToken: z.string().optional(),
      })
      .default({ url: 'file:hub.db' }),
    /** The hub's Ed25519 private JWK; when absent, the key file's (created on first start). */
    signingKey: PrivateJwk.optional(),
    /**
     * The owner-only (0600) file holding the hub's private key. Defaults to `hub-signing-key.json`
     * beside a `file:` database, in the working folder for a libSQL server, and none for
     * `:memory:` (an ephemeral key).
     */
    keyFile: z.string().min(1).optional(),
    /** Creates (or keeps) an operator token with this value at start: the way to bootstrap admin access. */
    bootstrapOperatorToken: z.string().min(24).optional(),
    /** Host names, IPs or CIDR ranges that may be fetched even though they are private or loopback. */
    allowPrivateHosts: z.array(z.string().min(1)).default([]),
    /** Schema majors this hub can index; records of other majors are quarantined. */
    knownSchemaMajors: z.array(z.number().int().min(0)).default([1]),
    harvest: z
      .object({
        /** croner pattern for scheduled polls; `false` disables the schedule (tests). */
        schedule: z.union([z.string().min(1), z.literal(false)]).default('*/2 * * * *'),
        /** Syncs at once in the fast lane (healthy nodes; pings and operators first). */
        concurrency: z.number().int().min(1).max(64).default(4),
        /** Syncs at once in the slow lane (nodes that were slow or failed last time). */
        slowConcurrency: z.number().int().min(1).max(64).default(2),
        /** A fast-lane sync that runs longer goes on in the slow lane. */
        fastLaneBudgetMs: z.number().int().positive().default(1_000),
        /** A slow-lane sync ends after this long (what it stored stays). */
        slowLaneBudgetMs: z.number().int().positive().default(60_000),
        pageLimit: z.number().int().min(1).max(1_000).default(500),
        maxPagesPerSync: z.number().int().min(1).default(1_000),
        maxResponseBytes: z
          .number()
          .int()
          .positive()
          .default(8 * 1024 * 1024),
        timeouts: Timeouts.default({ connectMs: 3_000, firstByteMs: 5_000, totalMs: 20_000 }),
        backoff: z
          .object({
            baseMs: z.number().int().positive().default(1_000),
            maxMs: z
              .number()
              .int()
              .positive()
              .default(15 * 60_000),
          })
          .default({ baseMs: 1_000, maxMs: 15 * 60_000 }),
        /** Consecutive failures that open a node's circuit. */
        breakerThreshold: z.number().int().min(1).default(5),
        /** Records behind the node's head before it counts as lagging. */
        laggingThreshold: z.number().int().min(1).default(1),
        /**
         * How long a node may sign a head ahead of the records it serves (an empty page short of
         * its head) before its health is `withholding` with code `WITHHOLDING` (protocol §7.4).
         */
        withholdingAfterMs: z
          .number()
          .int()
          .min(0)
          .default(10 * 60_000),
        /**
         * Accept an upstream hub's protocol 1.0 aggregate heads (digest over `JSON.stringify`,
         * protocol §15) during the transition; false refuses them with `DIGEST_UNSUPPORTED`.
         */
        acceptLegacyDigest: z.boolean().default(true),
      })
      .default({
        schedule: '*/2 * * * *',
        concurrency: 4,
        slowConcurrency: 2,
        fastLaneBudgetMs: 1_000,
        slowLaneBudgetMs: 60_000,
        pageLimit: 500,
        maxPagesPerSync: 1_000,
        maxResponseBytes: 8 * 1024 * 1024,
        timeouts: { connectMs: 3_000, firstByteMs: 5_000, totalMs: 20_000 },
        backoff: { baseMs: 1_000, maxMs: 15 * 60_000 },
        breakerThreshold: 5,
        laggingThreshold: 1,
        withholdingAfterMs: 10 * 60_000,
        acceptLegacyDigest: true,
      }),
    /** How long an enrolment or re-pin waits for an operator's fingerprint (protocol §3.1). */
    pendingEnrolmentTtlMs: z
      .number()
      .int()
      .positive()
      .default(7 * 24 * 3600_000),
    membership: z
      .object({
        ttlSeconds: z
          .number()
          .int()
          .min(60)
          .default(7 * 24 * 3600),
        /** Renew when less than this remains. */
        renewBeforeSeconds: z
          .number()
          .int()
          .min(1)
          .default(2 * 24 * 3600),
      })
      .default({ ttlSeconds: 7 * 24 * 3600, renewBeforeSeconds: 2 * 24 * 3600 }),
    /** Readers' problem reports on their way to the owning node (see docs/data-protection.md). */
    problemReports: z
      .object({
        /** First retry after a failed delivery; doubles each time up to `retryMaxMs`. */
        retryBaseMs: z.number().int().positive().default(30_000),
        retryMaxMs: z
          .number()
          .int()
          .positive()
          .default(60 * 60_000),
        /** An undelivered report is deleted after this many days (its node is gone for good). */
        keepDays: z.number().int().min(1).max(90).default(30),
      })
      .default({ retryBaseMs: 30_000, retryMaxMs: 60 * 60_000, keepDays: 30 }),
    /** Project 52 (the weekly schedule, bulletin and mailing list); off when absent. */
    project52: HubProject52Config.optional(),
    /**
     * National numbers to fall back on, per country (`{"GB": [{"name": "Samaritans", "number":
     * "116 123"}]}`): served publicly (`helplines.list`) for portals' help boxes.
     */
    nationalHelplines: NationalHelplines,
    /** Request limits: pings and subscription requests per client, confirmations per email. */
    limits: LimitsConfig.prefault({}),
    logLevel: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /**
     * Prometheus `/metrics`: with `port`, on a listener of its own at `host:port` (loopback by
     * default); with only `token`, on the hub's listener for `Authorization: Bearer <token>`
     * (a token set with `port` is asked for there too). With neither, not served.
     */
    metrics: z
      .object({
        token: z
          .string()
          .min(24, { error: 'must be at least 24 characters (e.g. `openssl rand -hex 32`)' })
          .optional(),
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65_535).optional(),
      })
      .prefault({}),
  })
  .refine((config) => config.membership.renewBeforeSeconds < config.membership.ttlSeconds, {
    message: 'membership.renewBeforeSeconds must be shorter than membership.ttlSeconds',
    path: ['membership', 'renewBeforeSeconds'],
  })
  .refine((config) => !config.project52 || (config.portalUrl ?? config.project52.portalUrl), {
    message: 'portalUrl is required with project52: bulletins link to the portal',
    path: ['portalUrl'],
  })
  .refine((config) => config.harvest.backoff.baseMs <= config.harvest.backoff.maxMs, {
    message: 'harvest.backoff.baseMs must not exceed harvest.backoff.maxMs',
    path: ['harvest', 'backoff'],
  });

/** What `createHub` accepts: every field optional where a default exists. */
export type HubConfigInput = z.input<typeof HubConfigSchema>;
/** The parsed, complete configuration. */
export type HubConfig = z.output<typeof HubConfigSchema>;

/** A configuration value that failed validation; `issues` lists each bad field and why. */
export class HubConfigError extends Error {
  readonly code = 'HUB_CONFIG_INVALID';
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid hub configuration: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'HubConfigError';
  }
}

/** Parses and checks a hub configuration once; throws {@link HubConfigError} listing every problem. */
export function parseHubConfig(input: HubConfigInput): HubConfig {
  const result = HubConfigSchema.safeParse(input);
  if (!result.success) {
    throw new HubConfigError(
      result.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(root)',
        message: issue.message,
      })),
    );
  }
  return result.data;
}
