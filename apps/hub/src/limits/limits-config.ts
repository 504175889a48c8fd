import { isIP } from 'node:net';
import { z } from 'zod';

const Rule = z.object({
  limit: z.number().int().min(1),
  windowSeconds: z.number().int().min(1),
});
const Rules = z.array(Rule).min(1);

const ProxyEntry = z
  .string()
  .min(1)
  .refine((entry) => {
    const [network = '', prefix] = entry.split('/');
    const family = isIP(network);
    if (family === 0) return false;
    if (prefix === undefined) return true;
    const bits = Number(prefix);
    return Number.isInteger(bits) && bits >= 0 && bits <= (family === 6 ? 128 : 32);
  }, 'an IP address or CIDR range');

/**
 * Request limits (token buckets: each rule allows a burst of `limit`, refilling at `limit` per
 * `windowSeconds`; every rule of a list must allow a request). Defaults fit a public hub.
 */
export const LimitsConfig = z.object({
  /** Peers whose `X-Forwarded-For` names the real client (a reverse proxy, the portal's server). */
  trustedProxies: z.array(ProxyEntry).default([]),
  /** Clients (and email addresses) remembered per limiter; the least recently seen go first. */
  maxTrackedKeys: z.number().int().min(100).default(10_000),
  /** The largest request body read, in bytes (a ping: 16 KiB); larger ones are answered 413. */
  maxRequestBytes: z
    .number()
    .int()
    .min(1_024)
    .default(64 * 1024),
  /** The most tRPC calls in one batched request; larger batches are answered 400. */
  maxTrpcBatch: z.number().int().min(1).default(10),
  /** `POST /ping` per client address (IPv6: per /64); over it the hub answers 429. */
  pingsPerClient: Rules.default([{ limit: 120, windowSeconds: 60 }]),
  /** Failed admin-token checks per client address; over it a failing request is answered 429. */
  authFailuresPerClient: Rules.default([{ limit: 10, windowSeconds: 60 }]),
  /** Failed checks of one presented token (from any address); over it that token is answered 429. */
  authFailuresPerToken: Rules.default([{ limit: 10, windowSeconds: 60 }]),
  /** `subscriptions.request` per client address; over it the hub answers TOO_MANY_REQUESTS. */
  subscriptionsPerClient: Rules.default([
    { limit: 20, windowSeconds: 3_600 },
    { limit: 100, windowSeconds: 86_400 },
  ]),
  /** Readers' problem reports (`reports.submit`) per client address; over it TOO_MANY_REQUESTS. */
  problemReportsPerClient: Rules.default([{ limit: 5, windowSeconds: 600 }]),
  /** Confirmation emails per email address; over it the request is answered alike, unmailed. */
  confirmationsPerEmail: Rules.default([
    { limit: 1, windowSeconds: 600 },
    { limit: 4, windowSeconds: 86_400 },
  ]),
});
export type LimitsConfig = z.output<typeof LimitsConfig>;
