import { HubConfigError, type HubConfigInput } from './config.js';

/** A JSON-valued variable, parsed; a broken value is refused naming the variable. */
function jsonEnv(name: string, value: string | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new HubConfigError([{ path: name, message: 'is not valid JSON' }]);
  }
}

/** Reads the hub's configuration from the environment (the only place that reads `process.env`). */
export function hubConfigFromEnv(env: NodeJS.ProcessEnv = process.env): HubConfigInput {
  const list = (value: string | undefined) =>
    value
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean) ?? [];
  return {
    publicUrl: env.HUB_PUBLIC_URL || undefined,
    portalUrl: env.HUB_PORTAL_URL || undefined,
    host: env.HUB_HOST || undefined,
    port: env.HUB_PORT ? Number(env.HUB_PORT) : undefined,
    database: env.HUB_DATABASE_URL
      ? { url: env.HUB_DATABASE_URL, authToken: env.HUB_DATABASE_AUTH_TOKEN || undefined }
      : undefined,
    signingKey: env.HUB_SIGNING_KEY ? JSON.parse(env.HUB_SIGNING_KEY) : undefined,
    keyFile: env.HUB_KEY_FILE || undefined,
    bootstrapOperatorToken: env.HUB_BOOTSTRAP_OPERATOR_TOKEN || undefined,
    allowPrivateHosts: env.HUB_ALLOW_PRIVATE_HOSTS ? list(env.HUB_ALLOW_PRIVATE_HOSTS) : undefined,
    project52: project52FromEnv(env),
    nationalHelplines: jsonEnv('HUB_NATIONAL_HELPLINES', env.HUB_NATIONAL_HELPLINES) as
      | HubConfigInput['nationalHelplines']
      | undefined,
    limits: env.HUB_TRUSTED_PROXIES ? { trustedProxies: list(env.HUB_TRUSTED_PROXIES) } : undefined,
    logLevel: (env.HUB_LOG_LEVEL as HubConfigInput['logLevel']) || undefined,
    metrics: metricsFromEnv(env),
    harvest:
      env.HUB_HARVEST_SCHEDULE === 'off'
        ? { schedule: false }
        : env.HUB_HARVEST_SCHEDULE
          ? { schedule: env.HUB_HARVEST_SCHEDULE }
          : undefined,
  };
}

/** `HUB_METRICS_TOKEN`, `HUB_METRICS_HOST`, `HUB_METRICS_PORT`; absent when none is set. */
function metricsFromEnv(env: NodeJS.ProcessEnv): HubConfigInput['metrics'] {
  const { HUB_METRICS_TOKEN: token, HUB_METRICS_HOST: host, HUB_METRICS_PORT: port } = env;
  if (!token && !host && !port) return undefined;
  return {
    token: token || undefined,
    host: host || undefined,
    port: port ? Number(port) : undefined,
  };
}

/** Project 52 is on when `HUB_P52_PROGRAMME_START` is set; SMTP (and so sending) when `HUB_SMTP_HOST` is. */
function project52FromEnv(env: NodeJS.ProcessEnv): HubConfigInput['project52'] {
  if (!env.HUB_P52_PROGRAMME_START) return undefined;
  const number = (value: string | undefined) => (value ? Number(value) : undefined);
  return {
    programmeStart: env.HUB_P52_PROGRAMME_START,
    portalUrl: env.HUB_P52_PORTAL_URL || undefined,
    send: {
      weekday: number(env.HUB_P52_SEND_WEEKDAY),
      time: env.HUB_P52_SEND_TIME || undefined,
      timeZone: env.HUB_P52_TIMEZONE || undefined,
    },
    mailing: {
      secret: env.HUB_P52_MAILING_SECRET ?? '',
      from: env.HUB_P52_FROM ?? '',
      unsubscribeMailbox: env.HUB_P52_UNSUBSCRIBE_MAILBOX || undefined,
      smtp: env.HUB_SMTP_HOST
        ? {
            host: env.HUB_SMTP_HOST,
            port: number(env.HUB_SMTP_PORT),
            security: (env.HUB_SMTP_SECURITY || undefined) as
              | 'tls'
              | 'starttls'
              | 'none'
              | undefined,
            auth: env.HUB_SMTP_USER
              ? { user: env.HUB_SMTP_USER, pass: env.HUB_SMTP_PASS ?? '' }
              : undefined,
          }
        : undefined,
    },
  };
}
