import { z } from 'zod';

const HttpUrl = (name: string) =>
  z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` });

const PortalEnv = z.object({
  PROMISE_HUB_URL: HttpUrl('PROMISE_HUB_URL').default('http://127.0.0.1:8788'),
  PROMISE_HUB_PUBLIC_URL: HttpUrl('PROMISE_HUB_PUBLIC_URL').optional(),
  PROMISE_PORTAL_NAME: z.string().trim().min(1).max(80).default('PROMISE Network'),
});

/** The portal's typed configuration. */
export interface PortalConfig {
  /** Where the portal's server reaches the hub. */
  hubUrl: string;
  /** The hub's URL as readers see it (feed links, print views); defaults to `hubUrl`. */
  hubPublicUrl: string;
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
  const hubUrl = parsed.data.PROMISE_HUB_URL.replace(/\/+$/, '');
  return {
    hubUrl,
    hubPublicUrl: (parsed.data.PROMISE_HUB_PUBLIC_URL ?? hubUrl).replace(/\/+$/, ''),
    siteName: parsed.data.PROMISE_PORTAL_NAME,
  };
}
