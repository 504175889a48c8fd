import { getPortal } from './portal.js';

const FRESH_MS = 60_000;
let cached: { at: number; origins: Promise<readonly string[]> } | undefined;

function originOf(url: string): string | null {
  try {
    const { origin, protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? origin : null;
  } catch {
    return null;
  }
}

async function lookUp(): Promise<readonly string[]> {
  const { config, hub } = getPortal();
  const origins = new Set([originOf(config.hubPublicUrl)]);
  try {
    for (const partner of await hub.partners()) origins.add(originOf(partner.nodeUrl));
  } catch (error) {
    // The page itself reports an unreachable hub; the check then reaches the hub only.
    console.error('portal: could not list the nodes for connect-src', error);
  }
  return [...origins].filter((origin) => origin !== null).sort();
}

/**
 * The origins a page's "check this signature yourself" fetches from: the hub's public URL and
 * every member node (its descriptor). Every page gets them, not only record pages: a reader who
 * navigates client-side keeps the CSP of the first page loaded. Listed for a minute.
 */
export function signatureCheckOrigins(now = Date.now()): Promise<readonly string[]> {
  if (cached === undefined || now - cached.at > FRESH_MS) {
    cached = { at: now, origins: lookUp() };
  }
  return cached.origins;
}

/** The policy with `origins` added to its `connect-src` directive (left alone without one). */
export function withConnectSources(policy: string, origins: readonly string[]): string {
  if (origins.length === 0) return policy;
  return policy
    .split(';')
    .map((directive) => {
      const trimmed = directive.trim();
      return trimmed.startsWith('connect-src ') || trimmed === 'connect-src'
        ? `${trimmed} ${origins.join(' ')}`
        : trimmed;
    })
    .join('; ');
}
