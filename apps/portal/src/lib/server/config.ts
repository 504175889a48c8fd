import { z } from 'zod';

const PortalEnv = z.object({
  PROMISE_HUB_URL: z
    .url({ protocol: /^https?$/, error: 'PROMISE_HUB_URL must be the hub’s http(s) base URL' })
    .default('http://127.0.0.1:8788'),
  PROMISE_PORTAL_NAME: z.string().trim().min(1).max(80).default('PROMISE Network'),
});

/** The portal's typed configuration. */
export interface PortalConfig {
  hubUrl: string;
  siteName: string;
}

/** Reads the portal's configuration from the environment; throws with each bad variable named. */
export function loadPortalConfig(env: Record<string, string | undefined>): PortalConfig {
  const parsed = PortalEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Portal configuration is not valid:\n${problems.join('\n')}`);
  }
  return {
    hubUrl: parsed.data.PROMISE_HUB_URL.replace(/\/+$/, ''),
    siteName: parsed.data.PROMISE_PORTAL_NAME,
  };
}
