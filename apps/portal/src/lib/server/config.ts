import { z } from 'zod';

const HttpUrl = (name: string) =>
  z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` });

const PortalEnv = z.object({
  PROMISE_HUB_URL: HttpUrl('PROMISE_HUB_URL').default('http://127.0.0.1:8788'),
  PROMISE_HUB_PUBLIC_URL: HttpUrl('PROMISE_HUB_PUBLIC_URL').optional(),
  PROMISE_PORTAL_NAME: z.string().trim().min(1).max(80).default('PROMISE Network'),
  PROMISE_PORTAL_COUNTRY: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'PROMISE_PORTAL_COUNTRY must be an ISO 3166-1 alpha-2 code, e.g. GB')
    .transform((code) => code.toUpperCase())
    .default('GB'),
  PROMISE_PORTAL_TIME_ZONE: z
    .string()
    .trim()
    .refine(validTimeZone, 'PROMISE_PORTAL_TIME_ZONE must be an IANA time zone, e.g. Europe/London')
    .default('Europe/London'),
});

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The portal's typed configuration. */
export interface PortalConfig {
  /** Where the portal's server reaches the hub. */
  hubUrl: string;
  /** The hub's URL as readers see it (feed links, print views); defaults to `hubUrl`. */
  hubPublicUrl: string;
  siteName: string;
  /** The readers' country when a page cannot tell (its national numbers are shown). */
  country: string;
  /** Where services' opening hours are read as wall-clock times ("open now"). */
  timeZone: string;
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
    country: parsed.data.PROMISE_PORTAL_COUNTRY,
    timeZone: parsed.data.PROMISE_PORTAL_TIME_ZONE,
  };
}
