import type { HubConfigInput } from './config.js';

/** Reads the hub's configuration from the environment (the only place that reads `process.env`). */
export function hubConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HubConfigInput {
  const list = (value: string | undefined) =>
    value
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean) ?? [];
  return {
    publicUrl: env.HUB_PUBLIC_URL || undefined,
    host: env.HUB_HOST || undefined,
    port: env.HUB_PORT ? Number(env.HUB_PORT) : undefined,
    database: {
      url: env.HUB_DATABASE_URL || 'file:hub.db',
      authToken: env.HUB_DATABASE_AUTH_TOKEN || undefined,
    },
    signingKey: env.HUB_SIGNING_KEY ? JSON.parse(env.HUB_SIGNING_KEY) : undefined,
    bootstrapOperatorToken: env.HUB_BOOTSTRAP_OPERATOR_TOKEN || undefined,
    allowPrivateHosts: list(env.HUB_ALLOW_PRIVATE_HOSTS),
    logLevel: (env.HUB_LOG_LEVEL as HubConfigInput['logLevel']) || undefined,
    harvest:
      env.HUB_HARVEST_SCHEDULE === 'off'
        ? { schedule: false }
        : env.HUB_HARVEST_SCHEDULE
          ? { schedule: env.HUB_HARVEST_SCHEDULE }
          : undefined,
  };
}
