import { join, resolve } from 'node:path';
import { packageRoot, SmtpConfig } from '@promise-global/operations';
import { Slug } from '@promise-global/schema';
import { z } from 'zod';
import { PartnerInput } from '../resources/partner.js';

/** Where `pnpm --filter @promise-global/node build` writes the staff workspace. */
const BUILT_ADMIN_DIR = join(packageRoot(import.meta.url), 'dist', 'workspace');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .transform((url) => url.replace(/\/+$/, ''));

/** An operator-supplied Ed25519 private JWK for the node to sign with. */
const SigningKeyConfig = z.looseObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().min(1),
  d: z.string().min(1),
});

/**
 * The weekly email to editors listing the services overdue or due for a check in the next 14
 * days (docs: apps/node/README.md). Off when absent. Sent once per week at `weekday` (1 = Monday)
 * `hour`:00 UTC or the first time the node runs after that; a restart never sends it twice.
 */
const ReviewDigestConfig = z.strictObject({
  /** The mail server, as the hub's bulletins take it: `host`, `port`, `security`, `auth`. */
  smtp: SmtpConfig,
  /** The sender, e.g. `"Fenland node" <promise@fenland.example.org>`. */
  from: z.string().min(3),
  /** The editors' addresses. */
  to: z.array(z.email()).min(1).max(50),
  weekday: z.coerce.number().int().min(1).max(7).default(1),
  hour: z.coerce.number().int().min(0).max(23).default(8),
});

/**
 * Every setting of a node. Field names are the keys of the JSON config file; the environment
 * variable for each is in `ENV_NAMES`. Defaults that depend on other settings (database URL,
 * key file, public URL) are filled in by `resolveConfig`.
 */
export const NodeConfigSchema = z.strictObject({
  partnerId: z
    .string({ error: 'is required: the partner slug this node publishes for, e.g. "cpft"' })
    .pipe(Slug),
  partner: PartnerInput.optional(),
  dataDir: z.string().min(1).default('./data'),
  databaseUrl: z.string().min(1).optional(),
  databaseAuthToken: z.string().min(1).optional(),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65_535).default(8080),
  publicUrl: httpUrl.optional(),
  keyFile: z.string().min(1).optional(),
  signingKey: SigningKeyConfig.optional(),
  hubUrl: httpUrl.optional(),
  pingRetries: z.coerce.number().int().min(0).max(20).default(6),
  pingBackoffMs: z.coerce.number().int().min(1).max(60_000).default(500),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  feedDefaultLimit: z.coerce.number().int().min(1).max(1000).default(100),
  feedMaxLimit: z.coerce.number().int().min(1).max(5000).default(1000),
  headTtlSeconds: z.coerce.number().int().min(10).max(300).default(120),
  descriptorTtlSeconds: z.coerce.number().int().min(60).max(7_776_000).default(604_800),
  authFailureLimit: z.coerce.number().int().min(1).default(10),
  authFailureWindowSeconds: z.coerce.number().int().min(1).default(60),
  trustProxy: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .transform((value) => value === true || value === 'true' || value === '1')
    .default(false),
  reviewIntervalDays: z.coerce.number().int().min(1).max(3650).default(365),
  sessionIdleMinutes: z.coerce.number().int().min(1).max(1440).default(60),
  sessionMaxHours: z.coerce.number().int().min(1).max(168).default(12),
  adminDir: z.string().min(1).optional(),
  metricsToken: z
    .string()
    .min(24, { error: 'must be at least 24 characters (e.g. `openssl rand -hex 32`)' })
    .optional(),
  metricsHost: z.string().min(1).default('127.0.0.1'),
  metricsPort: z.coerce.number().int().min(0).max(65_535).optional(),
  reviewDigest: ReviewDigestConfig.optional(),
});

/** What an operator may pass: every setting but `partnerId` is optional. */
export type NodeConfigInput = z.input<typeof NodeConfigSchema>;

/** A parsed node configuration with every default filled in. */
export type NodeConfig = Omit<
  z.output<typeof NodeConfigSchema>,
  'databaseUrl' | 'keyFile' | 'publicUrl' | 'adminDir'
> & {
  /** The built staff workspace (`pnpm --filter @promise-global/node build`). */
  adminDir: string;
  databaseUrl: string;
  /** Where the signing key lives; `null` means an ephemeral key (in-memory databases only). */
  keyFile: string | null;
  /** The node's public base URL; `null` until known when `port` is 0. */
  publicUrl: string | null;
};

/** The environment variable that sets each config field. */
export const ENV_NAMES: Record<keyof NodeConfigInput, string> = {
  partnerId: 'PROMISE_NODE_PARTNER_ID',
  partner: 'PROMISE_NODE_PARTNER',
  dataDir: 'PROMISE_NODE_DATA_DIR',
  databaseUrl: 'PROMISE_NODE_DATABASE_URL',
  databaseAuthToken: 'PROMISE_NODE_DATABASE_AUTH_TOKEN',
  host: 'PROMISE_NODE_HOST',
  port: 'PROMISE_NODE_PORT',
  publicUrl: 'PROMISE_NODE_PUBLIC_URL',
  keyFile: 'PROMISE_NODE_KEY_FILE',
  signingKey: 'PROMISE_NODE_SIGNING_KEY',
  hubUrl: 'PROMISE_NODE_HUB_URL',
  pingRetries: 'PROMISE_NODE_PING_RETRIES',
  pingBackoffMs: 'PROMISE_NODE_PING_BACKOFF_MS',
  logLevel: 'PROMISE_NODE_LOG_LEVEL',
  feedDefaultLimit: 'PROMISE_NODE_FEED_DEFAULT_LIMIT',
  feedMaxLimit: 'PROMISE_NODE_FEED_MAX_LIMIT',
  headTtlSeconds: 'PROMISE_NODE_HEAD_TTL_SECONDS',
  descriptorTtlSeconds: 'PROMISE_NODE_DESCRIPTOR_TTL_SECONDS',
  authFailureLimit: 'PROMISE_NODE_AUTH_FAILURE_LIMIT',
  authFailureWindowSeconds: 'PROMISE_NODE_AUTH_FAILURE_WINDOW_SECONDS',
  trustProxy: 'PROMISE_NODE_TRUST_PROXY',
  reviewIntervalDays: 'PROMISE_NODE_REVIEW_INTERVAL_DAYS',
  sessionIdleMinutes: 'PROMISE_NODE_SESSION_IDLE_MINUTES',
  sessionMaxHours: 'PROMISE_NODE_SESSION_MAX_HOURS',
  adminDir: 'PROMISE_NODE_ADMIN_DIR',
  metricsToken: 'PROMISE_NODE_METRICS_TOKEN',
  metricsHost: 'PROMISE_NODE_METRICS_HOST',
  metricsPort: 'PROMISE_NODE_METRICS_PORT',
  reviewDigest: 'PROMISE_NODE_REVIEW_DIGEST',
};

/** A configuration that cannot start a node; the message names every bad setting. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: { setting: string; message: string }[]) {
    super(
      `Invalid node configuration:\n${problems.map((p) => `  - ${p.setting}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

export function isMemoryDatabase(url: string): boolean {
  return url === ':memory:' || url === 'file::memory:' || url.startsWith(':memory:?');
}

/** Parses a configuration and fills in the defaults that depend on other settings. */
export function resolveConfig(input: unknown): NodeConfig {
  // A resolved config may be passed again: its nulls mean "not set".
  const raw =
    typeof input === 'object' && input !== null
      ? Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null))
      : input;
  const parsed = NodeConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? '' : 'config'));
        const keys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : key;
        const env = ENV_NAMES[key as keyof NodeConfigInput];
        return {
          setting: env ? `${issue.path.join('.')} (${env})` : keys,
          message: issue.code === 'unrecognized_keys' ? 'unknown setting' : issue.message,
        };
      }),
    );
  }
  const config = parsed.data;
  const dataDir = resolve(config.dataDir);
  const databaseUrl = config.databaseUrl ?? `file:${join(dataDir, 'node.db')}`;
  const memory = isMemoryDatabase(databaseUrl);
  const keyFile = config.keyFile
    ? resolve(config.keyFile)
    : memory || config.signingKey
      ? null
      : join(dataDir, 'signing-key.json');
  const publicUrl =
    config.publicUrl ??
    (config.port === 0 ? null : `http://${urlHost(config.host)}:${config.port}`);
  const adminDir = config.adminDir ? resolve(config.adminDir) : BUILT_ADMIN_DIR;
  return { ...config, dataDir, databaseUrl, keyFile, publicUrl, adminDir };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
